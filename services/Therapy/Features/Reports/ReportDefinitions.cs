using Support.ServiceDefaults.Reporting;

namespace Support.Therapy.Features.Reports;

/// <summary>
/// COM-11: the versioned definitions of this service's reports. A field is never removed and a definition never
/// changed in place: a new version is appended with its reason and author, and every response names its version.
/// <c>ReportDefinitionTests</c> pins each published version's fields, so an edit to a published version fails the build.
/// </summary>
public static class ReportDefinitions
{
    private static readonly DateOnly FirstPublished = new(2026, 12, 4);
    private static readonly DateOnly ViewsAndHistoricFigures = new(2026, 12, 6);
    private static readonly DateOnly GenderAndEthnicity = new(2026, 12, 5);
    private static readonly DateOnly TriggersAndDemand = new(2026, 12, 5);
    private static readonly DateOnly Restatements = new(2026, 12, 5);
    private static readonly DateOnly UnmetSince = new(2026, 12, 6);
    private static readonly DateOnly TriggersByGender = new(2026, 12, 6);
    private static readonly DateOnly FeedbackRestated = new(2026, 12, 6);
    private static readonly DateOnly WaitingListByProvider = new(2026, 12, 6);
    private static readonly DateOnly ImportedIndicatorValues = new(2026, 12, 6);
    private static readonly DateOnly ViewsOfWaitingAndDeclines = new(2026, 12, 6);

    /// <summary>
    /// THR-07: answers a young person gave about a service, one per referral and moment. Not a COM-01 unit of children or
    /// contacts; kept separate from them and never added to them.
    /// </summary>
    public const string FeedbackAnswers = nameof(FeedbackAnswers);

    /// <summary>
    /// COM-03: records of one trigger (an episode, an interview, a flag on a referral or assessment, a therapy referral).
    /// Each trigger is its own table: records of different triggers are never added together.
    /// </summary>
    public const string TriggerRecords = nameof(TriggerRecords);

    /// <summary>COM-12: critical incidents raised to senior managers (REF-22), counted by when they happened.</summary>
    public const string CriticalIncidents = nameof(CriticalIncidents);

    public static readonly ReportDefinition UnmetNeed = new("unmet-need", "Unmet need", CountingUnits.UnmetNeeds,
    [
        new(1, FirstPublished, "therapy-team", "First version (COM-05).",
            "Unmet needs recorded in the financial year by any service (COM-05), counted by the date they were recorded (OccurredAt), by need "
            + "category and reason code, by the service that raised them, and by how long each has gone unmet (from its 'since' date to the "
            + "day it was resolved, or to today).",
            ["period", "byCategoryAndReason", "byServiceAndDuration", "noData"]),
        new(2, GenderAndEthnicity, "therapy-team", "Who the services fail, by gender and ethnicity as recorded, 'Not recorded' included (OUT-10; issue 13).",
            "As version 1, with two tables more: the same unmet needs by the young person's gender and by their ethnicity as the registry "
            + "records them (never assumed; 'Not recorded' is its own row, every registry gender category is listed, zero included), each "
            + "split into needs still unmet and needs met since. For all readers but auditors, described ethnicities with too few needs to "
            + "publish are counted together under 'Other described values'.",
            ["period", "byCategoryAndReason", "byServiceAndDuration", "byGender", "byEthnicity", "noData"]),
        new(3, UnmetSince, "therapy-team", "Counted in the year each need went unmet, not the year it was recorded, with a restatement for late records (COM-09; issue 13).",
            "As version 2, but each unmet need is counted in the financial year of the London date since which it has gone unmet (its "
            + "'since', as the service that raised it gave it: a refusal's date, a decline's date), not of the date it was recorded. For a "
            + "financial year that has ended, 'restatement' gives the unmet needs dated in it but recorded after it ended, suppressed like "
            + "any count, and the London date the last was recorded, so a figure taken earlier is never silently different; an open year "
            + "has none. A year before the ledger's first need has no data.",
            ["period", "byCategoryAndReason", "byServiceAndDuration", "byGender", "byEthnicity", "restatement", "noData"]),
    ]);

    public static readonly ReportDefinition ReferralOutcomes = new("therapy-referral-outcomes", "Therapy referral outcomes", CountingUnits.Referrals,
    [
        new(1, FirstPublished, "therapy-team", "First version (THR-01).",
            "Therapy and CAMHS referrals made in the financial year (by ReferredAt), by offer type and current outcome (Open, Accepted, "
            + "Declined, Withdrawn); declines by offer type and reason code; and the distinct young people referred (a separate unit).",
            ["period", "byOfferTypeAndOutcome", "declinesByOfferTypeAndReason", "distinctYoungPeople", "noData"]),
        new(2, Restatements, "therapy-team", "A closed year says when late referrals changed it (COM-09; issue 13).",
            "As version 1. For a financial year that has ended, 'restatement' gives the referrals dated in it (by ReferredAt) but recorded "
            + "after it ended (by RecordedAt), suppressed like any count, and the London date the last was recorded, so a figure taken "
            + "earlier is never silently different; an open year has none.",
            ["period", "byOfferTypeAndOutcome", "declinesByOfferTypeAndReason", "distinctYoungPeople", "restatement", "noData"]),
    ]);

    public static readonly ReportDefinition Capacity = new("offer-capacity", "Capacity against demand per commissioned offer", CountingUnits.Referrals,
    [
        new(1, FirstPublished, "therapy-team", "First version (COM-06, THR-09).",
            "Each commissioned offer's capacity, the young people accepted onto it now (capacity used, computed), the referrals made to it in "
            + "the financial year (demand), the funding whose period overlaps the year and the days until the current funding ends.",
            ["period", "offers.commissionedCapacity", "offers.capacityUsed", "offers.demand", "offers.funding", "offers.daysToFundingEnd"]),
    ]);

    public static readonly ReportDefinition Indicators = new("therapy-indicators", "Therapy indicators", CountingUnits.Referrals,
    [
        new(1, FirstPublished, "therapy-team", "First version (COM-02).",
            "Each indicator with its definition, numerator, denominator, source service, period, the values of the three earlier financial "
            + "years and the trend; RAG computed from the thresholds stored with the indicator.",
            ["period", "indicators.definition", "indicators.numerator", "indicators.denominator", "indicators.value", "indicators.rag",
             "indicators.thresholds", "indicators.earlier", "indicators.trend"]),
        new(2, ViewsAndHistoricFigures, "therapy-team", "Historic figures imported from a council's CSV are shown, labelled as imported (COM-01, COM-02; issue 13).",
            "Each indicator with its definition, numerator, denominator, source service, period, the values of the three earlier financial "
            + "years and the trend; RAG computed from the thresholds stored with the indicator. Then each indicator a council imported for the "
            + "years before the platform: its counting unit and, for the period and every earlier one imported, the value (or no data), the "
            + "source and definition given with it, who imported it and when, labelled as imported, and any restatement with its reason.",
            ["period", "indicators.definition", "indicators.numerator", "indicators.denominator", "indicators.value", "indicators.rag",
             "indicators.thresholds", "indicators.earlier", "indicators.trend", "historic.indicator", "historic.unit", "historic.values.period",
             "historic.values.value", "historic.values.noData", "historic.values.source", "historic.values.definition",
             "historic.values.definitionChanged", "historic.values.basis", "historic.values.importedAt", "historic.values.importedBy",
             "historic.values.restated"]),
        new(3, ImportedIndicatorValues, "therapy-team",
            "A year before the platform decided any referral takes its value from the council's imported numerator and denominator, labelled "
            + "with its basis, source and definition, so the earlier values reach back before the platform (COM-01, COM-02; issue 13).",
            "As version 2. Each value also gives its basis: platform (this service's records) or imported (a year in which the platform decided "
            + "no referral, from the numerator and denominator a council imported for it, such as therapy-decline-rate-numerator and "
            + "therapy-decline-rate-denominator, the rate and RAG computed from them by the same thresholds), and for an imported value its "
            + "source and definition. A trend is given only between two values of the same basis and definition.",
            ["period", "indicators.definition", "indicators.numerator", "indicators.denominator", "indicators.value", "indicators.rag",
             "indicators.thresholds", "indicators.earlier", "indicators.trend", "indicators.basis", "indicators.source", "indicators.importedDefinition",
             "historic.indicator", "historic.unit", "historic.values.period", "historic.values.value", "historic.values.noData",
             "historic.values.source", "historic.values.definition", "historic.values.definitionChanged", "historic.values.basis",
             "historic.values.importedAt", "historic.values.importedBy", "historic.values.restated"]),
    ]);

    public static readonly ReportDefinition Waits = new("therapy-waits", "Waits for a first appointment", CountingUnits.Referrals,
    [
        new(1, FirstPublished, "therapy-team", "First version (THR-02).",
            "Referrals made in the financial year and not declined or withdrawn unseen, by offer type and wait against Part I "
            + "TherapyWaitStandard: seen within 4 weeks, seen in 4 to 18 weeks, seen after 18 weeks, and still waiting under 4 weeks, "
            + "4 to 18 weeks, or 18 weeks or more (breached); waits measured from ReferredAt to the first appointment, or to today.",
            ["period", "byOfferTypeAndWait"]),
        new(2, Restatements, "therapy-team", "A closed year says when late referrals changed it (COM-09; issue 13).",
            "As version 1. For a financial year that has ended, 'restatement' gives the referrals dated in it (by ReferredAt) but recorded "
            + "after it ended (by RecordedAt), suppressed like any count, and the London date the last was recorded; an open year has none.",
            ["period", "byOfferTypeAndWait", "restatement"]),
        new(3, WaitingListByProvider, "therapy-team", "The waiting list per provider (THR-02; issue 13).",
            "As version 2, with a table more: the referrals made in the financial year whose young person is still waiting for a first "
            + "appointment, by the provider of the offer they wait for (every commissioned provider a row, zero included) and by how long "
            + "they have waited (under 4 weeks, 4 to 18 weeks, 18 weeks or more); its total is the waiting columns of byOfferTypeAndWait.",
            ["period", "byOfferTypeAndWait", "waitingByProvider", "restatement"]),
    ]);

    public static readonly ReportDefinition Feedback = new("therapy-feedback", "Views of services", FeedbackAnswers,
    [
        new(1, ViewsAndHistoricFigures, "therapy-team", "First version (THR-07).",
            "Young people's answers about the therapy and CAMHS offers they received, given in the financial year (by GivenAt), per provider "
            + "and offer: by moment (after the offer started, when it ended) and, for each fixed question, by score from 1 to 5; the mean "
            + "score where every count in its row is published. Every answer counts, whether or not the young person agreed to their worker "
            + "seeing it; no words, no ids, no individual answer.",
            ["period", "answersByOfferAndMoment", "listenedToByOfferAndScore", "helpedByOfferAndScore", "questions", "means", "noData"]),
        new(2, FeedbackRestated, "therapy-team", "A closed year says when late answers changed it (COM-09; issue 13).",
            "As version 1. For a financial year that has ended, 'restatement' gives the answers given in it (by GivenAt) whose current "
            + "version was recorded after it ended (a late answer, or a correction of one), suppressed like any count, and the London date "
            + "the last was recorded; an open year has none.",
            ["period", "answersByOfferAndMoment", "listenedToByOfferAndScore", "helpedByOfferAndScore", "questions", "means", "restatement", "noData"]),
        new(3, ViewsOfWaitingAndDeclines, "therapy-team",
            "Views given while waiting and after a decline are recorded and counted, so the services young people did not get are heard too (THR-07; issue 13).",
            "As version 2, with two more moments: while waiting (the referral open and the young person not yet seen) and after a decline, "
            + "beside after the offer started and when it ended. An offer's answers are those about referrals to it, whether or not it was "
            + "ever delivered.",
            ["period", "answersByOfferAndMoment", "listenedToByOfferAndScore", "helpedByOfferAndScore", "questions", "means", "restatement", "noData"]),
    ]);

    public static readonly ReportDefinition CseTriggers = new("cse-triggers", "Triggers for CSE", TriggerRecords,
    [
        new(1, TriggersAndDemand, "therapy-team", "First version (COM-03; issue 13).",
            "Each trigger for CSE in the financial year, by quarter (April-June first), each in its own table: missing episodes (by when the "
            + "young person was last seen); return-home interviews due (by the return), completed (by completion) and not held (declined "
            + "or not completed); school-absence and criminalisation flags (a referral, risk assessment or review, or return interview "
            + "naming the indicator, once per record); mental-health referrals (therapy and CAMHS referrals made) and declines (by the "
            + "decision's date); under-16 pregnancy flags (a referral naming pregnancy of a child under 16 on the day of the concern, or a "
            + "pregnancy recorded here as a health indicator of a child under 16 on the day). Then the distinct young people with each "
            + "trigger, whose total is those with any. Shares are worked out from published counts only: return interviews completed "
            + "of those due in the year, and mental-health declines of referrals made in the year.",
            ["period", "missingEpisodes", "returnInterviewsDue", "returnInterviewsCompleted", "returnInterviewsNotHeld", "schoolAbsenceFlags",
             "mentalHealthReferrals", "mentalHealthDeclines", "under16PregnancyFlags", "criminalisationFlags", "youngPeopleByTrigger",
             "shares.returnInterviewCompletion", "shares.mentalHealthDeclines", "noData"]),
        new(2, TriggersByGender, "therapy-team",
            "Who has a trigger, by gender and ethnicity as recorded, 'Not recorded' included (OUT-10), and a closed year says when late records changed it (COM-09; issue 13).",
            "As version 1, with two tables more: the distinct young people with any trigger in the year (the total of youngPeopleByTrigger) "
            + "by their gender and by their ethnicity as the registry records them (never assumed; 'Not recorded' is its own row, every "
            + "registry gender category is listed, zero included). For all readers but auditors, described ethnicities with too few young "
            + "people to publish are counted together as 'Other described values'. For a financial year that has ended, 'restatement' "
            + "gives the trigger records dated in it but recorded after it ended (by the time the recording service stored them; facts "
            + "stored before that time was kept count as on time), suppressed like any count, and the London date the last was recorded.",
            ["period", "missingEpisodes", "returnInterviewsDue", "returnInterviewsCompleted", "returnInterviewsNotHeld", "schoolAbsenceFlags",
             "mentalHealthReferrals", "mentalHealthDeclines", "under16PregnancyFlags", "criminalisationFlags", "youngPeopleByTrigger",
             "youngPeopleWithAnyTriggerByGender", "youngPeopleWithAnyTriggerByEthnicity", "shares.returnInterviewCompletion",
             "shares.mentalHealthDeclines", "restatement", "noData"]),
    ]);

    public static readonly ReportDefinition ReferralDemand = new("referral-demand", "Demand at the front door", CountingUnits.Referrals,
    [
        new(1, TriggersAndDemand, "therapy-team", "First version (COM-06, COM-07, COM-12; issue 13).",
            "Referrals received at the front door in the financial year (by when they were received), by the referrer's role and the form "
            + "of CSE (a reclassified referral under its latest type, NotCse included); the young people whose first referral was made at "
            + "18 or over, by whether the concern was dated before their 18th birthday (historic victims coming forward), for this year "
            + "and the three before it, with first referrals whose ages were not carried counted apart; CSE's share of the referrals this "
            + "platform received (those not reclassified as NotCse) next to the risk profile: the distinct young people referred in the "
            + "year by their current risk level, the share at high or very high risk, and the critical incidents raised in the year by "
            + "kind (by when they happened). The share is context, never a priority (COM-12).",
            ["period", "referralsBySourceAndCseType", "firstReferralsOfAdults", "cseShareOfReferrals", "riskProfileOfYoungPeopleReferred",
             "criticalIncidentsByKind", "shares.cseShareOfReferrals", "shares.highOrVeryHighRiskShare", "noData"]),
        new(2, GenderAndEthnicity, "therapy-team", "Who is referred, by gender and ethnicity as recorded, 'Not recorded' included (OUT-10; issue 13).",
            "As version 1, with two tables more: the distinct young people referred in the year by their gender and by their ethnicity as "
            + "the registry records them (never assumed; 'Not recorded' is its own row, every registry gender category is listed, zero "
            + "included), each split by current risk level as the risk profile is. For all readers but auditors, described ethnicities with "
            + "too few young people to publish are counted together as 'Other described values'.",
            ["period", "referralsBySourceAndCseType", "firstReferralsOfAdults", "cseShareOfReferrals", "riskProfileOfYoungPeopleReferred",
             "youngPeopleReferredByGender", "youngPeopleReferredByEthnicity", "criticalIncidentsByKind", "shares.cseShareOfReferrals",
             "shares.highOrVeryHighRiskShare", "noData"]),
    ]);

    public static readonly IReadOnlyList<ReportDefinition> All = [UnmetNeed, ReferralOutcomes, Capacity, Indicators, Waits, Feedback, CseTriggers, ReferralDemand];
}
