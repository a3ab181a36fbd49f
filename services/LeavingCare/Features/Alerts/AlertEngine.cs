using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Support.Contracts.LeavingCare;
using Support.LeavingCare.Data;
using Support.LeavingCare.Domain;
using Support.Messaging;
using Support.Messaging.Outbox;
using Support.ServiceDefaults.Time;

namespace Support.LeavingCare.Features.Alerts;

/// <summary>What one pass raised.</summary>
public sealed record AlertPassResult(int Handover, int Escalated, int KeepInTouch, int SupportContinued)
{
    public int Total => Handover + Escalated + KeepInTouch + SupportContinued;
}

/// <summary>
/// Raises the alerts that are due on <c>today</c> (UK date) as set-based SQL, so the daily pass over 100,000 young people
/// never loads them into memory. Each statement inserts the alert rows with <c>ON CONFLICT DO NOTHING</c> on the
/// unique (young person, kind, due date) index and writes the outbox rows for exactly the rows it inserted, in one
/// statement, so an alert and its event exist together or not at all, and each alert is created exactly once however
/// many passes (job replicas, events) run at the same moment (LC-01). The birthdays are stored on the picture
/// (computed in code, 29 February → 1 March), so the SQL compares dates only.
/// Run it for everyone (the daily job) or for one young person (when an event changes their picture, e.g. someone
/// registered at 17 years 10 months gets the handover alert at once).
/// </summary>
public static class AlertEngine
{
    public static async Task<AlertPassResult> RunAsync(
        LeavingCareDbContext db, LeavingCareOptions options, DateTimeOffset now, Guid? youngPersonId, CancellationToken cancellationToken)
    {
        var today = London.DateOf(now);
        var pictures = Table<YoungPersonPicture>(db);
        var alerts = Table<HandoverAlert>(db);
        var outbox = Table<OutboxMessage>(db);
        var onePerson = youngPersonId is null ? "" : " AND p.young_person_id = @person";

        // LC-01: HandoverAlertLead days before the 18th birthday, to the adviser, else the leaving-care team's queue.
        var handover = await ExecuteAsync(db, $"""
            WITH raised AS (
              INSERT INTO {alerts} (id, young_person_id, kind, due_on, recipient, queue, raised_at)
              SELECT gen_random_uuid(), p.young_person_id, '{AlertKinds.Handover}', p.eighteenth_birthday, p.adviser_user_id,
                     CASE WHEN p.adviser_user_id IS NULL THEN '{AlertQueues.LeavingCareTeam}' ELSE '{AlertQueues.Adviser}' END, @now
              FROM {pictures} p
              WHERE p.eighteenth_birthday > @today AND p.eighteenth_birthday <= @today + @lead{onePerson}
              ON CONFLICT (young_person_id, kind, due_on) DO NOTHING
              RETURNING id, young_person_id, kind, due_on, recipient)
            {AlertOutboxInsert(outbox, pictures)}
            """, now, today, options.HandoverAlertLeadDays, youngPersonId, cancellationToken);

        // LC-01: EscalationLead days before, with still no adviser, an escalated alert to a team manager.
        var escalated = await ExecuteAsync(db, $"""
            WITH raised AS (
              INSERT INTO {alerts} (id, young_person_id, kind, due_on, recipient, queue, raised_at)
              SELECT gen_random_uuid(), p.young_person_id, '{AlertKinds.Escalated}', p.eighteenth_birthday, NULL, '{AlertQueues.TeamManager}', @now
              FROM {pictures} p
              WHERE p.adviser_user_id IS NULL AND p.eighteenth_birthday > @today AND p.eighteenth_birthday <= @today + @lead{onePerson}
              ON CONFLICT (young_person_id, kind, due_on) DO NOTHING
              RETURNING id, young_person_id, kind, due_on, recipient)
            {AlertOutboxInsert(outbox, pictures)}
            """, now, today, options.EscalationLeadDays, youngPersonId, cancellationToken);

        // LC-03, LC-04: a care leaver on the caseload (to the 25th birthday) with no contact for KeepInTouchInterval.
        // The due date is the last contact (or joining the caseload) plus the interval, so each lapse alerts once.
        var keepInTouch = await ExecuteAsync(db, $"""
            WITH due AS (
              SELECT p.young_person_id, p.adviser_user_id,
                     (COALESCE(p.last_contact_at, p.on_caseload_since) AT TIME ZONE 'Europe/London')::date + @lead AS due_on
              FROM {pictures} p
              WHERE p.on_caseload_since IS NOT NULL AND p.support_until > @today{onePerson}),
            raised AS (
              INSERT INTO {alerts} (id, young_person_id, kind, due_on, recipient, queue, raised_at)
              SELECT gen_random_uuid(), d.young_person_id, '{AlertKinds.KeepInTouch}', d.due_on, d.adviser_user_id,
                     CASE WHEN d.adviser_user_id IS NULL THEN '{AlertQueues.LeavingCareTeam}' ELSE '{AlertQueues.Adviser}' END, @now
              FROM due d WHERE d.due_on <= @today
              ON CONFLICT (young_person_id, kind, due_on) DO NOTHING
              RETURNING id, young_person_id, kind, due_on, recipient)
            {AlertOutboxInsert(outbox, pictures)}
            """, now, today, options.KeepInTouchDays, youngPersonId, cancellationToken);

        // LC-02, THR-05: at the 18th birthday nothing closes; say so once, for those who turned 18 while known to us.
        var continued = await ExecuteAsync(db, $"""
            WITH announced AS (
              UPDATE {pictures} p SET support_continued_announced_at = @now
              WHERE p.support_continued_announced_at IS NULL AND p.eighteenth_birthday <= @today
                AND p.eighteenth_birthday > p.first_known_on{onePerson}
              RETURNING p.young_person_id, p.eighteenth_birthday, p.adviser_user_id, p.support_until)
            INSERT INTO {outbox} (id, message_type, payload, occurred_at, attempts, next_attempt_at)
            SELECT gen_random_uuid(), '{MessageTypeRegistry.UrnOf(typeof(SupportContinuedPast18))}',
                   jsonb_build_object('youngPersonId', young_person_id, 'eighteenthBirthday', eighteenth_birthday,
                     'personalAdviser', adviser_user_id, 'supportAvailableUntil', support_until, 'occurredAt', @now), @now, 0, @now
            FROM announced
            """, now, today, 0, youngPersonId, cancellationToken);

        return new AlertPassResult(handover, escalated, keepInTouch, continued);
    }

    /// <summary>One <c>HandoverAlertRaised</c> outbox row per alert row the statement inserted (the CTE <c>raised</c>).</summary>
    private static string AlertOutboxInsert(string outbox, string pictures) => $"""
        INSERT INTO {outbox} (id, message_type, payload, occurred_at, attempts, next_attempt_at)
        SELECT gen_random_uuid(), '{MessageTypeRegistry.UrnOf(typeof(HandoverAlertRaised))}',
               jsonb_build_object('alertId', r.id, 'youngPersonId', r.young_person_id, 'kind', r.kind,
                 'eighteenthBirthday', COALESCE(p.eighteenth_birthday, r.due_on), 'recipient', r.recipient, 'occurredAt', @now), @now, 0, @now
        FROM raised r JOIN {pictures} p ON p.young_person_id = r.young_person_id
        ORDER BY r.due_on, r.young_person_id
        """;

    private static async Task<int> ExecuteAsync(LeavingCareDbContext db, string sql, DateTimeOffset now, DateOnly today, int lead,
        Guid? youngPersonId, CancellationToken cancellationToken)
    {
        List<NpgsqlParameter> parameters =
        [
            new("now", NpgsqlDbType.TimestampTz) { Value = now.ToUniversalTime() },
            new("today", NpgsqlDbType.Date) { Value = today },
            new("lead", NpgsqlDbType.Integer) { Value = lead },
        ];
        if (youngPersonId is { } id)
        {
            parameters.Add(new NpgsqlParameter("person", NpgsqlDbType.Uuid) { Value = id });
        }
        return await db.Database.ExecuteSqlRawAsync(sql, parameters, cancellationToken);
    }

    /// <summary>A table's qualified name from the EF model, never from input.</summary>
    private static string Table<T>(DbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(T))!;
        return $"\"{entity.GetSchema()}\".\"{entity.GetTableName()}\"";
    }
}
