using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Incidents;
using Support.Contracts.Missing;
using Support.Contracts.Referrals;
using Support.Contracts.Registry;
using Support.Contracts.Risk;
using static Support.Therapy.Tests.Commissioning;

namespace Support.Therapy.Tests;

/// <summary>
/// Commissioners' reports built from other services' events in read models here: COM-03 (the triggers for CSE), COM-06
/// (historic victims coming forward), COM-07 (demand by source and CSE type) and COM-12 (CSE's share of referrals beside
/// the risk profile). Each class has its own database, so each can count exactly. The fixture's clock is 18 November
/// 2026, in the third quarter of 2026-27.
/// </summary>
public sealed class CseTriggersReportTests(TherapyFixture fixture) : IClassFixture<TherapyFixture>
{
    [Fact]
    public async Task Each_trigger_is_counted_by_quarter_in_its_own_table_once_per_record_with_the_young_people_behind_them()
    {
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        var episode = new MissingEpisodeReported
        {
            EpisodeId = Guid.NewGuid(), YoungPersonId = a, MissingFrom = MissingFrom.Home, LastSeenAt = fixture.Now.AddDays(-2),
            ReportedAt = fixture.Now.AddDays(-2), OccurredAt = fixture.Now.AddDays(-2),
        };
        await fixture.DeliverAsync("commissioning.missing-episode-reported", episode);
        await fixture.DeliverAsync("commissioning.missing-episode-reported", episode with { }); // the same episode announced again
        await fixture.DeliverAsync("commissioning.missing-episode-reported", episode with { EpisodeId = Guid.NewGuid(), YoungPersonId = b, LastSeenAt = May2026 });
        // Last seen in March 2026: financial year 2025-26, not this one.
        await fixture.DeliverAsync("commissioning.missing-episode-reported", episode with { EpisodeId = Guid.NewGuid(), LastSeenAt = March2026 });

        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
        foreach (var interview in new[] { first, second })
        {
            await fixture.DeliverAsync("commissioning.young-person-returned", new YoungPersonReturned
            {
                EpisodeId = episode.EpisodeId, YoungPersonId = a, ReturnedAt = fixture.Now.AddDays(-1), InterviewId = interview,
                InterviewDueAt = fixture.Now.AddDays(2), OccurredAt = fixture.Now.AddDays(-1),
            });
        }
        await fixture.DeliverAsync("commissioning.return-interview-completed", new ReturnInterviewCompleted
        {
            InterviewId = first, EpisodeId = episode.EpisodeId, YoungPersonId = a, CompletedAt = fixture.Now.AddHours(-5),
            Indicators = [RiskIndicator.SchoolAbsence, RiskIndicator.OlderBoyfriend], DisclosureMade = false, Locations = [], SharingBasis = "Consent",
            OccurredAt = fixture.Now.AddHours(-5),
        });
        await fixture.DeliverAsync("commissioning.return-interview-not-held", new ReturnInterviewNotHeld
        {
            InterviewId = second, EpisodeId = episode.EpisodeId, YoungPersonId = a, Outcome = "DeclinedByYoungPerson", OccurredAt = fixture.Now.AddHours(-4),
        });
        // A referral names an arrest and the pregnancy of a 15-year-old; another names the pregnancy of a 17-year-old (no flag).
        await fixture.DeliverAsync("commissioning.referral-received",
            Referral(b, ReferrerRole.Police, CseType.StreetGrooming, May2026, 15, 15, false, RiskIndicator.ArrestedOrCriminalised, RiskIndicator.Pregnancy));
        await fixture.DeliverAsync("commissioning.referral-received",
            Referral(a, ReferrerRole.Health, CseType.BoyfriendModel, fixture.Now.AddDays(-3), 17, 17, false, RiskIndicator.Pregnancy));
        // A risk assessment naming school absence for the young person the interview already flagged: a second record, the same child.
        await fixture.DeliverAsync("commissioning.risk-level-changed", new RiskLevelChanged
        {
            YoungPersonId = a, SourceId = Guid.NewGuid(), NewLevel = RiskLevel.High, SuggestedLevel = RiskLevel.High, Indicators = [RiskIndicator.SchoolAbsence],
            RuleTableVersion = "test", IsDowngrade = false, RecordedBy = "sw", RecordedByRole = "SocialWorker", OccurredAt = fixture.Now.AddHours(-1),
        });

        // This service's own records: a CAMHS referral declined, and a pregnancy of a 14-year-old recorded as a health indicator.
        var young = await fixture.RegisterAsync(new DateOnly(2012, 6, 1), "Trigger Young", GenderCategory.Female, "Mixed White and Black Caribbean");
        var camhs = await fixture.OfferAsync("Trigger CAMHS", "Trigger clinic", "Camhs");
        var referral = await fixture.ReferAsync(young, camhs);
        using (var clinician = fixture.Client("CamhsClinician", "camhs-trigger"))
        {
            (await clinician.PostAsJsonAsync($"/api/therapy/referrals/{referral}/decline", new
            {
                reason = "BelowThreshold", cseHistoryConsidered = true, declinedAt = fixture.Now.ToString("O"),
            })).EnsureSuccessStatusCode();
        }
        using (var health = fixture.Client("HealthPartner", "hp-trigger"))
        {
            (await health.PostAsJsonAsync($"/api/therapy/young-people/{young}/health-indicators",
                new { type = "Pregnancy", occurredAt = fixture.Now.AddDays(-6).ToString("O"), sharingBasis = "SafeguardingOverride" })).EnsureSuccessStatusCode();
        }

        using var auditor = fixture.Client("Auditor");
        var exact = await auditor.GetFromJsonAsync<JsonElement>("/api/therapy/reports/cse-triggers?year=2026-27");
        Assert.Equal("cse-triggers", exact.GetProperty("report").GetProperty("name").GetString());
        Assert.Equal(2, exact.GetProperty("report").GetProperty("version").GetInt32());
        Assert.Equal(JsonValueKind.Null, exact.GetProperty("noData").ValueKind);
        Assert.Equal([1, 0, 1, 0], Quarters(exact, "missingEpisodes"));
        Assert.Equal([0, 0, 2, 0], Quarters(exact, "returnInterviewsDue"));
        Assert.Equal([0, 0, 1, 0], Quarters(exact, "returnInterviewsCompleted"));
        Assert.Equal([0, 0, 1, 0], Quarters(exact, "returnInterviewsNotHeld"));
        Assert.Equal([0, 0, 2, 0], Quarters(exact, "schoolAbsenceFlags"));
        Assert.Equal([1, 0, 0, 0], Quarters(exact, "criminalisationFlags"));
        Assert.Equal([1, 0, 1, 0], Quarters(exact, "under16PregnancyFlags"));
        Assert.Equal([0, 0, 1, 0], Quarters(exact, "mentalHealthReferrals"));
        Assert.Equal([0, 0, 1, 0], Quarters(exact, "mentalHealthDeclines"));
        Assert.Equal("TriggerRecords", Table(exact, "missingEpisodes").GetProperty("unit").GetString());

        // Two school-absence records, one child; the total is the children with any trigger (a, b and the registered one).
        var people = Table(exact, "youngPeopleByTrigger");
        Assert.Equal("DistinctYoungPeople", people.GetProperty("unit").GetString());
        Assert.Equal(1, Row(people, "SchoolAbsenceFlags").GetProperty("cells")[0].GetInt32());
        Assert.Equal(2, Row(people, "Under16PregnancyFlags").GetProperty("cells")[0].GetInt32());
        Assert.Equal(3, people.GetProperty("grandTotal").GetInt32());
        // The same three children by gender and ethnicity as recorded (OUT-10): a and b are unknown to the registry here.
        var byGender = Table(exact, "youngPeopleWithAnyTriggerByGender");
        Assert.Equal((3, 1, 2), (byGender.GetProperty("grandTotal").GetInt32(), Row(byGender, "Female").GetProperty("total").GetInt32(),
            Row(byGender, "Not recorded").GetProperty("total").GetInt32()));
        Assert.Equal(Enum.GetNames<GenderCategory>().Append("Not recorded"), byGender.GetProperty("body").EnumerateArray().Select(r => r.GetProperty("label").GetString()));
        var byEthnicity = Table(exact, "youngPeopleWithAnyTriggerByEthnicity");
        Assert.Equal((1, 2), (Row(byEthnicity, "Mixed White and Black Caribbean").GetProperty("total").GetInt32(),
            Row(byEthnicity, "Not recorded").GetProperty("total").GetInt32()));
        Assert.Equal(50.0m, Share(exact, "returnInterviewCompletion").GetProperty("percent").GetDecimal());
        Assert.Equal(100.0m, Share(exact, "mentalHealthDeclines").GetProperty("percent").GetDecimal());

        var earlier = await auditor.GetFromJsonAsync<JsonElement>("/api/therapy/reports/cse-triggers?year=2025-26");
        Assert.Equal([0, 0, 0, 1], Quarters(earlier, "missingEpisodes"));

        // A commissioner sees these small numbers suppressed, and no share worked out from a suppressed count.
        using var commissioner = fixture.Client("Commissioner");
        var suppressed = await commissioner.GetFromJsonAsync<JsonElement>("/api/therapy/reports/cse-triggers?year=2026-27");
        Assert.Equal("c", Table(suppressed, "missingEpisodes").GetProperty("grandTotal").GetString());
        // The one described ethnicity is too rare to name: merged, and its count hidden.
        Assert.Equal(["Other described values", "Not recorded"],
            Table(suppressed, "youngPeopleWithAnyTriggerByEthnicity").GetProperty("body").EnumerateArray().Select(r => r.GetProperty("label").GetString()));
        var share = Share(suppressed, "returnInterviewCompletion");
        Assert.Equal(JsonValueKind.Null, share.GetProperty("percent").ValueKind);
        Assert.Equal("A count it is worked out from is suppressed.", share.GetProperty("notGivenBecause").GetString());

        using var csv = await commissioner.GetAsync("/api/therapy/reports/cse-triggers?year=2026-27&format=csv");
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n');
        Assert.Contains(lines, l => l.StartsWith("cse-triggers,2,2026-27,Suppressed,missingEpisodes,TriggerRecords,MissingEpisodes,Q3OctDec,c", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("cse-triggers,2,2026-27,Suppressed,shares,Percent,returnInterviewCompletion,", StringComparison.Ordinal) && l.TrimEnd().EndsWith(",c", StringComparison.Ordinal));
    }
}

public sealed class ReferralDemandReportTests(TherapyFixture fixture) : IClassFixture<TherapyFixture>
{
    [Fact]
    public async Task Demand_is_counted_by_source_and_latest_cse_type_with_historic_victims_over_four_years_and_cse_share_beside_the_risk_profile()
    {
        var tag = Guid.NewGuid();
        var people = Enumerable.Range(0, 8).Select(_ => Guid.NewGuid()).ToList();
        // Three are in the registry with a gender and an ethnicity as they described them (OUT-10); the rest are not.
        people[0] = await fixture.RegisterAsync(new DateOnly(2011, 1, 1), "Demand One", GenderCategory.Female, "White British");
        people[2] = await fixture.RegisterAsync(new DateOnly(2011, 1, 2), "Demand Two", GenderCategory.Male, "Pakistani");
        people[3] = await fixture.RegisterAsync(new DateOnly(2007, 1, 3), "Demand Three", GenderCategory.Female, " pakistani ");
        var referrals = new List<ReferralReceived>
        {
            Referral(people[0], ReferrerRole.School, CseType.OnlineGrooming, fixture.Now.AddDays(-5)),
            Referral(people[1], ReferrerRole.School, CseType.OnlineGrooming, fixture.Now.AddDays(-4)),
            Referral(people[2], ReferrerRole.OutreachWorker, CseType.StreetGrooming, fixture.Now.AddDays(-4)),
            // Historic victims coming forward: first referred at 19 and at 24 about what happened at 15 and 13.
            Referral(people[3], ReferrerRole.YoungPersonSelf, CseType.OrganisedGroupOrGang, fixture.Now.AddDays(-3), 19, 15),
            Referral(people[4], ReferrerRole.YoungPersonSelf, CseType.OrganisedGroupOrGang, May2026, 24, 13),
            // An adult referred about what happened at 18: not historic. A re-referral at 20 about age 16: not a first referral.
            Referral(people[5], ReferrerRole.Police, CseType.Trafficking, fixture.Now.AddDays(-2), 19, 18),
            Referral(people[6], ReferrerRole.Police, CseType.Trafficking, fixture.Now.AddDays(-2), 20, 16, reReferral: true),
            // From a sender older than the ages: counted apart, never guessed.
            Referral(people[7], ReferrerRole.Parent, CseType.BoyfriendModel, fixture.Now.AddDays(-1), null, null),
        };
        // The reclassification arrives before the referral it changes: the report still counts it under NotCse.
        await fixture.DeliverAsync("commissioning.referral-reclassified", new ReferralReclassified
        {
            ReferralId = referrals[1].ReferralId, YoungPersonId = people[1], FromCseType = CseType.OnlineGrooming, ToCseType = CseType.NotCse,
            FromPriority = ReferralPriority.Standard, ToPriority = ReferralPriority.Standard, OriginalReferrer = "school", OriginalReferrerRole = ReferrerRole.School,
            RequestedBy = "duty", ApprovedBy = "manager", OccurredAt = fixture.Now.AddHours(-2),
        });
        foreach (var r in referrals)
        {
            await fixture.DeliverAsync("commissioning.referral-received", r);
        }
        await fixture.DeliverAsync("commissioning.referral-received", referrals[0] with { }); // announced twice: one referral
        // Last year's historic victim, for the trend.
        await fixture.DeliverAsync("commissioning.referral-received",
            Referral(Guid.NewGuid(), ReferrerRole.YoungPersonSelf, CseType.StreetGrooming, March2026, 30, 14));
        await fixture.SetRiskAsync(people[0], RiskLevel.VeryHigh, fixture.Now.AddDays(-1));
        await fixture.SetRiskAsync(people[2], RiskLevel.High, fixture.Now.AddDays(-1));
        await fixture.SetRiskAsync(people[3], RiskLevel.Low, fixture.Now.AddDays(-1));
        foreach (var kind in new[] { CriticalIncidentKind.HighRiskMissing, CriticalIncidentKind.HighRiskMissing, CriticalIncidentKind.PregnancyUnder16 })
        {
            await fixture.DeliverAsync("commissioning.critical-incident-raised", new CriticalIncidentRaised
            {
                IncidentId = Guid.NewGuid(), YoungPersonId = people[0], Kind = kind, SourceService = "missing", SourceReference = $"episode:{tag}",
                IncidentAt = fixture.Now.AddDays(-1), OccurredAt = fixture.Now.AddDays(-1),
            });
        }
        await using (var db = fixture.CreateDbContext())
        {
            Assert.Equal(1, await db.ReferralDemand.CountAsync(r => r.ReferralId == referrals[0].ReferralId));
        }

        using var auditor = fixture.Client("Auditor");
        var exact = await auditor.GetFromJsonAsync<JsonElement>("/api/therapy/reports/referral-demand?year=2026-27");
        Assert.Equal("referral-demand", exact.GetProperty("report").GetProperty("name").GetString());
        var bySource = Table(exact, "referralsBySourceAndCseType");
        int Cell(JsonElement table, string row, string column) =>
            Row(table, row).GetProperty("cells")[Columns(table).IndexOf(column)].GetInt32();
        Assert.Equal(1, Cell(bySource, "School", "OnlineGrooming"));
        Assert.Equal(1, Cell(bySource, "School", "NotCse"));
        Assert.Equal(2, Cell(bySource, "Police", "Trafficking"));
        Assert.Equal(2, Cell(bySource, "YoungPersonSelf", "OrganisedGroupOrGang"));
        Assert.Equal(8, bySource.GetProperty("grandTotal").GetInt32());

        var adults = Table(exact, "firstReferralsOfAdults");
        Assert.Equal(["2023-24", "2024-25", "2025-26", "2026-27"], Columns(adults));
        Assert.Equal([0, 0, 1, 2], Cells(Row(adults, "At18OrOverConcernBefore18")));
        Assert.Equal([0, 0, 0, 1], Cells(Row(adults, "At18OrOverConcernAt18OrOver")));
        Assert.Equal([0, 0, 0, 1], Cells(Row(adults, "AgesNotKnown")));

        Assert.Equal([7, 1], Cells(Row(Table(exact, "cseShareOfReferrals"), "Referrals")));
        Assert.Equal(87.5m, Share(exact, "cseShareOfReferrals").GetProperty("percent").GetDecimal());
        var risk = Table(exact, "riskProfileOfYoungPeopleReferred");
        Assert.Equal(["VeryHigh", "High", "Medium", "Low", "NotAssessed"], Columns(risk));
        Assert.Equal([1, 1, 0, 1, 5], Cells(Row(risk, "YoungPeopleReferred")));
        Assert.Equal(25.0m, Share(exact, "highOrVeryHighRiskShare").GetProperty("percent").GetDecimal());
        // Version 2: the same young people by gender and by ethnicity, split by current risk level; never assumed.
        Assert.Equal(2, exact.GetProperty("report").GetProperty("version").GetInt32());
        var byGender = Table(exact, "youngPeopleReferredByGender");
        Assert.Equal(Columns(risk), Columns(byGender));
        Assert.Equal([.. Enum.GetNames<GenderCategory>(), "Not recorded"], byGender.GetProperty("body").EnumerateArray().Select(r => r.GetProperty("label").GetString()));
        Assert.Equal([1, 0, 0, 1, 0], Cells(Row(byGender, "Female")));
        Assert.Equal([0, 1, 0, 0, 0], Cells(Row(byGender, "Male")));
        Assert.Equal([0, 0, 0, 0, 0], Cells(Row(byGender, "NonBinary")));
        Assert.Equal([0, 0, 0, 0, 5], Cells(Row(byGender, "Not recorded")));
        Assert.Equal(8, byGender.GetProperty("grandTotal").GetInt32());
        var byEthnicity = Table(exact, "youngPeopleReferredByEthnicity");
        // "Pakistani" and " pakistani " are one described value.
        Assert.Equal([0, 1, 0, 1, 0], Cells(Row(byEthnicity, "Pakistani")));
        Assert.Equal([1, 0, 0, 0, 0], Cells(Row(byEthnicity, "White British")));
        Assert.Equal([0, 0, 0, 0, 5], Cells(Row(byEthnicity, "Not recorded")));
        var incidents = Table(exact, "criticalIncidentsByKind");
        Assert.Equal(2, Row(incidents, "HighRiskMissing").GetProperty("cells")[0].GetInt32());
        Assert.Equal(1, Row(incidents, "PregnancyUnder16").GetProperty("cells")[0].GetInt32());
        Assert.Equal(0, Row(incidents, "ThreatToKillOrWeapon").GetProperty("cells")[0].GetInt32());

        using var commissioner = fixture.Client("Commissioner");
        var suppressed = await commissioner.GetFromJsonAsync<JsonElement>("/api/therapy/reports/referral-demand?year=2026-27");
        Assert.Equal("c", Row(Table(suppressed, "riskProfileOfYoungPeopleReferred"), "YoungPeopleReferred").GetProperty("cells")[0].GetString());
        Assert.Equal(JsonValueKind.Null, Share(suppressed, "highOrVeryHighRiskShare").GetProperty("percent").ValueKind);
        // Too few to publish, the described ethnicities are named to a commissioner only as "Other described values".
        var ethnicities = Table(suppressed, "youngPeopleReferredByEthnicity").GetProperty("body").EnumerateArray()
            .Select(r => r.GetProperty("label").GetString()).ToList();
        Assert.Equal(["Other described values", "Not recorded"], ethnicities);
    }
}

public sealed class CommissioningReadModelTests(TherapyFixture fixture) : IClassFixture<TherapyFixture>
{
    [Fact]
    public async Task A_year_before_any_record_is_no_data_with_its_reason_and_a_bad_year_is_a_400_naming_it()
    {
        using var commissioner = fixture.Client("Commissioner");
        // Something must be recorded for the reason to name the first date: an episode last seen today.
        await fixture.DeliverAsync("commissioning.missing-episode-reported", new MissingEpisodeReported
        {
            EpisodeId = Guid.NewGuid(), YoungPersonId = Guid.NewGuid(), MissingFrom = MissingFrom.Home, LastSeenAt = fixture.Now,
            ReportedAt = fixture.Now, OccurredAt = fixture.Now,
        });
        var before = await commissioner.GetFromJsonAsync<JsonElement>("/api/therapy/reports/cse-triggers?year=2001-02");
        Assert.StartsWith("Triggers are recorded from ", before.GetProperty("noData").GetProperty("reason").GetString());
        Assert.Empty(before.GetProperty("tables").EnumerateArray());

        foreach (var path in new[] { "cse-triggers", "referral-demand" })
        {
            using var bad = await commissioner.GetAsync($"/api/therapy/reports/{path}?year=2026-28");
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Equal(["year"], await bad.ErrorFieldsAsync());
            using var future = await commissioner.GetAsync($"/api/therapy/reports/{path}?year=2030-31");
            Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        }
        using var socialWorker = fixture.Client("SocialWorker");
        using var refused = await socialWorker.GetAsync("/api/therapy/reports/referral-demand");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task A_reclassification_moves_its_referral_to_the_latest_type_whatever_order_the_events_arrive_in()
    {
        ReferralReclassified Reclassified(ReferralReceived r, CseType to, DateTimeOffset at) => new()
        {
            ReferralId = r.ReferralId, YoungPersonId = r.YoungPersonId, FromCseType = r.CseType, ToCseType = to, FromPriority = ReferralPriority.Standard,
            ToPriority = ReferralPriority.Standard, OriginalReferrer = "licensing", OriginalReferrerRole = r.ReferrerRole, RequestedBy = "duty",
            ApprovedBy = "manager", OccurredAt = at,
        };
        // Referral first, then the latest reclassification, then an older one arriving late: counted as NotCse.
        var first = Referral(Guid.NewGuid(), ReferrerRole.Licensing, CseType.OnlineGrooming, fixture.Now.AddDays(-3));
        await fixture.DeliverAsync("commissioning.referral-received", first);
        await fixture.DeliverAsync("commissioning.referral-reclassified", Reclassified(first, CseType.NotCse, fixture.Now.AddDays(-1)));
        await fixture.DeliverAsync("commissioning.referral-reclassified", Reclassified(first, CseType.StreetGrooming, fixture.Now.AddDays(-2)));
        // Twelve referrals and their reclassifications published at once: each counted once, under its new type.
        var together = Enumerable.Range(0, 12).Select(_ => Referral(Guid.NewGuid(), ReferrerRole.Licensing, CseType.Trafficking, fixture.Now.AddDays(-2))).ToList();
        int Applied()
        {
            using var db = fixture.CreateDbContext();
            return db.Set<Support.Messaging.Inbox.InboxMessage>().Count(m => m.Consumer.StartsWith("commissioning.referral-re"));
        }
        var before = Applied();
        await Task.WhenAll(together.SelectMany(r => new[]
        {
            fixture.PublishAsync(r), fixture.PublishAsync(Reclassified(r, CseType.BoyfriendModel, fixture.Now.AddDays(-1))),
        }));
        await Support.Testing.Eventually.TrueAsync(() => Task.FromResult(Applied() >= before + 24), because: "every referral and reclassification to be applied");

        using var auditor = fixture.Client("Auditor");
        var exact = await auditor.GetFromJsonAsync<JsonElement>("/api/therapy/reports/referral-demand?year=2026-27");
        var licensing = Row(Table(exact, "referralsBySourceAndCseType"), "Licensing");
        var columns = Columns(Table(exact, "referralsBySourceAndCseType"));
        int Count(CseType type) => licensing.GetProperty("cells")[columns.IndexOf(type.ToString())].GetInt32();
        Assert.Equal((1, 0, 0, 0), (Count(CseType.NotCse), Count(CseType.OnlineGrooming), Count(CseType.StreetGrooming), Count(CseType.Trafficking)));
        Assert.Equal(12, Count(CseType.BoyfriendModel));
    }

    [Fact]
    public async Task The_read_models_refuse_an_update_so_a_count_cannot_be_changed_behind_the_report()
    {
        var r = Referral(Guid.NewGuid(), ReferrerRole.School, CseType.OnlineGrooming, fixture.Now.AddDays(-1));
        await fixture.DeliverAsync("commissioning.referral-received", r);
        await using var db = fixture.CreateDbContext();
        var error = await Assert.ThrowsAnyAsync<Exception>(() =>
            db.Database.ExecuteSqlAsync($"UPDATE therapy.referral_demand SET received_cse_type = 'NotCse' WHERE referral_id = {r.ReferralId}"));
        Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
        Assert.Equal(CseType.OnlineGrooming, (await db.ReferralDemand.SingleAsync(d => d.ReferralId == r.ReferralId)).ReceivedCseType);
    }
}

/// <summary>Events and JSON readers the commissioning report tests share.</summary>
internal static class Commissioning
{
    public static readonly DateTimeOffset May2026 = new(2026, 5, 12, 10, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset March2026 = new(2026, 3, 20, 10, 0, 0, TimeSpan.Zero);

    public static ReferralReceived Referral(Guid youngPerson, ReferrerRole role, CseType type, DateTimeOffset at, int? ageAtReferral = 15,
        int? ageOnConcernDate = 15, bool reReferral = false, params RiskIndicator[] indicators) => new()
    {
        ReferralId = Guid.NewGuid(), YoungPersonId = youngPerson, ReferrerRole = role, CseType = type, Indicators = indicators,
        Priority = ReferralPriority.Standard, DecisionDueAt = at.AddDays(1), IsReReferral = reReferral, AgeAtReferral = ageAtReferral,
        AgeOnConcernDate = ageOnConcernDate, RecordedBy = "front-door", RecordedByRole = "DutyWorker", OccurredAt = at,
    };

    public static JsonElement Table(JsonElement report, string name) =>
        report.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("name").GetString() == name);

    public static JsonElement Row(JsonElement table, string label) =>
        table.GetProperty("body").EnumerateArray().Single(r => r.GetProperty("label").GetString() == label);

    public static List<string> Columns(JsonElement table) =>
        [.. table.GetProperty("columnLabels").EnumerateArray().Select(c => c.GetString()!)];

    public static List<int> Cells(JsonElement row) => [.. row.GetProperty("cells").EnumerateArray().Select(c => c.GetInt32())];

    public static List<int> Quarters(JsonElement report, string table) => Cells(Table(report, table).GetProperty("body")[0]);

    public static JsonElement Share(JsonElement report, string name) =>
        report.GetProperty("shares").EnumerateArray().Single(s => s.GetProperty("name").GetString() == name);
}
