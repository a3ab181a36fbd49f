using Microsoft.EntityFrameworkCore.Migrations;
using Support.ServiceDefaults.Data;

#nullable disable

namespace Support.Missing.Data.Migrations
{
    /// <inheritdoc />
    public partial class RetentionErasure : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // REC-04, RecordRetention: the append-only tables' one permitted DELETE, the retention job's.
            migrationBuilder.AllowRetentionErasure("missing");
            // Episodes and interviews change state but are never deleted by the application (REC-01): the retention job's
            // DELETE is the one exception here too.
            migrationBuilder.Sql($"""
                CREATE OR REPLACE FUNCTION "missing".refuse_delete() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF current_setting('{AppendOnlyTables.ErasureSetting}', true) = '{AppendOnlyTables.ErasureValue}' THEN
                    RETURN OLD;
                  END IF;
                  RAISE EXCEPTION 'rows of %.% are never deleted', TG_TABLE_SCHEMA, TG_TABLE_NAME
                    USING ERRCODE = 'insufficient_privilege';
                END $$;
                """);


        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
