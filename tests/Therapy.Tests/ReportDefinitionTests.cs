using Support.Therapy.Features.Reports;

namespace Support.Therapy.Tests;

/// <summary>
/// COM-11: a published version of a report definition never changes. A field removed or a definition reworded in place
/// fails here; the fix is a new version with its reason and author, appended to the report's versions.
/// </summary>
public sealed class ReportDefinitionTests
{
    private static readonly Dictionary<(string, int), string[]> Published = new()
    {
        [("unmet-need", 1)] = ["period", "byCategoryAndReason", "byServiceAndDuration", "noData"],
        [("unmet-need", 2)] = ["period", "byCategoryAndReason", "byServiceAndDuration", "byGender", "byEthnicity", "noData"],
        [("unmet-need", 3)] = ["period", "byCategoryAndReason", "byServiceAndDuration", "byGender", "byEthnicity", "restatement", "noData"],
        [("therapy-referral-outcomes", 1)] = ["period", "byOfferTypeAndOutcome", "declinesByOfferTypeAndReason", "distinctYoungPeople", "noData"],
        [("offer-capacity", 1)] = ["period", "offers.commissionedCapacity", "offers.capacityUsed", "offers.demand", "offers.funding", "offers.daysToFundingEnd"],
        [("therapy-waits", 1)] = ["period", "byOfferTypeAndWait"],
        [("therapy-waits", 2)] = ["period", "byOfferTypeAndWait", "restatement"],
        [("therapy-waits", 3)] = ["period", "byOfferTypeAndWait", "waitingByProvider", "restatement"],
        [("therapy-referral-outcomes", 2)] = ["period", "byOfferTypeAndOutcome", "declinesByOfferTypeAndReason", "distinctYoungPeople", "restatement", "noData"],
        [("therapy-indicators", 1)] =
        [
            "period", "indicators.definition", "indicators.numerator", "indicators.denominator", "indicators.value", "indicators.rag",
            "indicators.thresholds", "indicators.earlier", "indicators.trend",
        ],
        [("therapy-indicators", 2)] =
        [
            "period", "indicators.definition", "indicators.numerator", "indicators.denominator", "indicators.value", "indicators.rag",
            "indicators.thresholds", "indicators.earlier", "indicators.trend", "historic.indicator", "historic.unit", "historic.values.period",
            "historic.values.value", "historic.values.noData", "historic.values.source", "historic.values.definition",
            "historic.values.definitionChanged", "historic.values.basis", "historic.values.importedAt", "historic.values.importedBy",
            "historic.values.restated",
        ],
        [("therapy-indicators", 3)] =
        [
            "period", "indicators.definition", "indicators.numerator", "indicators.denominator", "indicators.value", "indicators.rag",
            "indicators.thresholds", "indicators.earlier", "indicators.trend", "indicators.basis", "indicators.source", "indicators.importedDefinition",
            "historic.indicator", "historic.unit", "historic.values.period", "historic.values.value", "historic.values.noData",
            "historic.values.source", "historic.values.definition", "historic.values.definitionChanged", "historic.values.basis",
            "historic.values.importedAt", "historic.values.importedBy", "historic.values.restated",
        ],
        [("therapy-feedback", 1)] = ["period", "answersByOfferAndMoment", "listenedToByOfferAndScore", "helpedByOfferAndScore", "questions", "means", "noData"],
        [("therapy-feedback", 2)] =
            ["period", "answersByOfferAndMoment", "listenedToByOfferAndScore", "helpedByOfferAndScore", "questions", "means", "restatement", "noData"],
        [("therapy-feedback", 3)] =
            ["period", "answersByOfferAndMoment", "listenedToByOfferAndScore", "helpedByOfferAndScore", "questions", "means", "restatement", "noData"],
        [("cse-triggers", 1)] =
        [
            "period", "missingEpisodes", "returnInterviewsDue", "returnInterviewsCompleted", "returnInterviewsNotHeld", "schoolAbsenceFlags",
            "mentalHealthReferrals", "mentalHealthDeclines", "under16PregnancyFlags", "criminalisationFlags", "youngPeopleByTrigger",
            "shares.returnInterviewCompletion", "shares.mentalHealthDeclines", "noData",
        ],
        [("cse-triggers", 2)] =
        [
            "period", "missingEpisodes", "returnInterviewsDue", "returnInterviewsCompleted", "returnInterviewsNotHeld", "schoolAbsenceFlags",
            "mentalHealthReferrals", "mentalHealthDeclines", "under16PregnancyFlags", "criminalisationFlags", "youngPeopleByTrigger",
            "youngPeopleWithAnyTriggerByGender", "youngPeopleWithAnyTriggerByEthnicity", "shares.returnInterviewCompletion",
            "shares.mentalHealthDeclines", "restatement", "noData",
        ],
        [("referral-demand", 1)] =
        [
            "period", "referralsBySourceAndCseType", "firstReferralsOfAdults", "cseShareOfReferrals", "riskProfileOfYoungPeopleReferred",
            "criticalIncidentsByKind", "shares.cseShareOfReferrals", "shares.highOrVeryHighRiskShare", "noData",
        ],
        [("referral-demand", 2)] =
        [
            "period", "referralsBySourceAndCseType", "firstReferralsOfAdults", "cseShareOfReferrals", "riskProfileOfYoungPeopleReferred",
            "youngPeopleReferredByGender", "youngPeopleReferredByEthnicity", "criticalIncidentsByKind", "shares.cseShareOfReferrals",
            "shares.highOrVeryHighRiskShare", "noData",
        ],
    };

    [Fact]
    public void Every_published_version_keeps_its_fields_and_every_version_has_a_reason_and_an_author()
    {
        foreach (var report in ReportDefinitions.All)
        {
            Assert.Equal(Enumerable.Range(1, report.Versions.Count), report.Versions.Select(v => v.Version));
            foreach (var version in report.Versions)
            {
                Assert.True(Published.TryGetValue((report.Name, version.Version), out var fields), $"{report.Name} v{version.Version} is not pinned here yet.");
                Assert.Equal(fields, version.Fields);
                Assert.False(string.IsNullOrWhiteSpace(version.Reason));
                Assert.False(string.IsNullOrWhiteSpace(version.Author));
            }
        }
    }

    [Fact]
    public void Counting_units_are_the_fixed_separate_units_and_none_is_called_victims()
    {
        var units = new[] { "CseContacts", "CseClients", "OutreachClients", "Assessments", "Referrals", "DistinctYoungPeople", "UnmetNeeds", "FeedbackAnswers", "TriggerRecords" };
        Assert.All(ReportDefinitions.All, r => Assert.Contains(r.CountingUnit, units));
        Assert.DoesNotContain(ReportDefinitions.All, r => r.Title.Contains("victim", StringComparison.OrdinalIgnoreCase));
    }
}
