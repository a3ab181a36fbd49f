using Microsoft.EntityFrameworkCore.Migrations;

namespace Support.ServiceDefaults.Data;

/// <summary>
/// Makes a table append-only in the database itself, so no code path (nor a hurried hand-written UPDATE) can change
/// or delete a case record silently (REC-01, REC-05). The retention job is the one audited exception: it may delete a
/// young person's rows when their retention period ends, and nothing may update them.
/// </summary>
public static class AppendOnlyTables
{
    /// <summary>
    /// The setting the retention job sets, for its own transaction only (<c>SET LOCAL</c>), to remove a young person's
    /// records when their retention period ends (REC-04, <c>RecordRetention</c>): the one DELETE these tables allow.
    /// An UPDATE is refused always.
    /// </summary>
    public const string ErasureSetting = "support.erasure";
    public const string ErasureValue = "retention";

    public static void MakeAppendOnly(this MigrationBuilder migrationBuilder, string schema, string table)
    {
        migrationBuilder.AllowRetentionErasure(schema);
        migrationBuilder.Sql($"""
            CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON "{schema}"."{table}"
              FOR EACH ROW EXECUTE FUNCTION "{schema}".refuse_change();
            """);
    }

    /// <summary>
    /// The schema's trigger function: refuses every change but the retention job's DELETE. Replaces the function that
    /// refused everything, in databases made before the retention job.
    /// </summary>
    public static void AllowRetentionErasure(this MigrationBuilder migrationBuilder, string schema)
    {
        migrationBuilder.Sql($"""
            CREATE OR REPLACE FUNCTION "{schema}".refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF TG_OP = 'DELETE' AND current_setting('{ErasureSetting}', true) = '{ErasureValue}' THEN
                RETURN OLD;
              END IF;
              RAISE EXCEPTION 'table %.% is append-only: write a correction instead', TG_TABLE_SCHEMA, TG_TABLE_NAME
                USING ERRCODE = 'insufficient_privilege';
            END $$;
            """);
    }
}
