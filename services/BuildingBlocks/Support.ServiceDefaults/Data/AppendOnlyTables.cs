using Microsoft.EntityFrameworkCore.Migrations;

namespace Support.ServiceDefaults.Data;

/// <summary>
/// Makes a table append-only in the database itself, so no code path (nor a hurried hand-written UPDATE) can change
/// or delete a case record silently (REC-01, REC-05). The retention job, when it comes, will be the audited exception.
/// </summary>
public static class AppendOnlyTables
{
    public static void MakeAppendOnly(this MigrationBuilder migrationBuilder, string schema, string table)
    {
        migrationBuilder.Sql($"""
            CREATE OR REPLACE FUNCTION "{schema}".refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              RAISE EXCEPTION 'table %.% is append-only: write a correction instead', TG_TABLE_SCHEMA, TG_TABLE_NAME
                USING ERRCODE = 'insufficient_privilege';
            END $$;
            CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON "{schema}"."{table}"
              FOR EACH ROW EXECUTE FUNCTION "{schema}".refuse_change();
            """);
    }
}
