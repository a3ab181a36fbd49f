using Support.Contracts.Missing;
using Support.Missing.Domain;
using Support.ServiceDefaults.Auth;

namespace Support.Missing.Tests.Domain;

/// <summary>MIS-03: codes are always shared; the disclosure in the young person's words only on a basis that allows it.</summary>
public sealed class InformationSharingTests
{
    [Theory]
    [InlineData(InformationSharingBasis.Consent, true)]
    [InlineData(InformationSharingBasis.SafeguardingOverride, true)]
    [InlineData(InformationSharingBasis.LegalDuty, true)]
    [InlineData(InformationSharingBasis.ConsentWithheld, false)]
    public void The_disclosure_text_is_shareable_only_when_the_basis_allows_it(InformationSharingBasis basis, bool shared)
    {
        var interview = CompletedInterview(basis, disclosureMade: true);

        Assert.Equal(shared ? "He hit me" : null, interview.ShareableDisclosure());
    }

    [Fact]
    public void Without_a_disclosure_there_is_nothing_to_share_whatever_the_basis()
    {
        Assert.Null(CompletedInterview(InformationSharingBasis.SafeguardingOverride, disclosureMade: false).ShareableDisclosure());
    }

    [Fact]
    public void A_not_completed_interview_needs_a_managers_signature()
    {
        var interview = ReturnedInterview();

        Assert.Throws<InvalidOperationException>(() => interview.RecordNotCompleted("Could not be reached", new Author("rhi", "RhiWorker", At(2))));
        interview.RecordNotCompleted("Could not be reached", new Author("tm", "TeamManager", At(2)));

        Assert.Equal(ReturnInterviewStatus.NotCompleted, interview.Status);
        Assert.Equal("tm", interview.OutcomeRecordedBy);
    }

    [Fact]
    public void An_interview_ends_once()
    {
        var interview = CompletedInterview(InformationSharingBasis.Consent, disclosureMade: false);

        Assert.NotNull(interview.ConflictWith(InterviewAction.Complete));
        Assert.NotNull(interview.ConflictWith(InterviewAction.Decline));
        Assert.NotNull(interview.ConflictWith(InterviewAction.RecordNotCompleted));
        Assert.NotNull(interview.ConflictWith(InterviewAction.Offer));
        Assert.Throws<DomainConflictException>(() => interview.Decline("No", new Author("rhi", "RhiWorker", At(5))));
    }

    private static DateTimeOffset At(int hours) => new DateTimeOffset(2026, 5, 1, 10, 0, 0, TimeSpan.Zero).AddHours(hours);

    private static ReturnInterview ReturnedInterview()
    {
        var episode = MissingEpisode.Report(
            new MissingReport(Guid.NewGuid(), MissingFrom.Care, At(-5), "Children's home", null, "Key worker", null, "Absconded", true),
            At(-4), new Author("sw", "SocialWorker", At(-4)));
        return episode.RecordReturn(new ReturnDetails(At(0), "Park", null, "Walked back"), new Author("sw", "SocialWorker", At(0)), TimeSpan.FromHours(72));
    }

    private static ReturnInterview CompletedInterview(InformationSharingBasis basis, bool disclosureMade)
    {
        var interview = ReturnedInterview();
        interview.Offer(At(1), new Author("rhi", "RhiWorker", At(1)));
        interview.Complete(
            new InterviewFindings(At(3), "A flat", ["Eastwood"], null, null, null, [], disclosureMade, disclosureMade ? "He hit me" : null, null, basis),
            new Author("rhi", "RhiWorker", At(3)));
        return interview;
    }
}
