using MassTransit;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Missing;
using Support.Messaging.Inbox;
using Support.Referrals.Data;
using Support.Referrals.Domain;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Consumers.RiskReviews;

/// <summary>
/// MIS-04: a pattern of missing episodes (3 within 30 days by default, Missing's parameters) puts a task on the team
/// managers' list to decide whether to hold a strategy meeting; the decision is recorded by completing the task. One
/// task per pattern (the episode that made it), however often it is delivered.
/// </summary>
[InboxName("manager-tasks.strategy-decision-on-missing-pattern")]
public sealed class StrategyDecisionTaskOnMissingPattern(ReferralsDbContext db, TimeProvider clock, ILogger<StrategyDecisionTaskOnMissingPattern> logger)
    : IdempotentConsumer<StrategyMeetingDecisionRequested, ReferralsDbContext>(db, clock, logger)
{
    public const string SystemAuthor = "system:missing-pattern";

    protected override async Task HandleAsync(ConsumeContext<StrategyMeetingDecisionRequested> context)
    {
        var message = context.Message;
        if (message.EpisodeIds.Count == 0)
        {
            return;
        }
        // The episodes come oldest first; the last one made the pattern.
        var trigger = message.EpisodeIds[^1];
        if (await Db.ManagerTasks.AnyAsync(t => t.Kind == ManagerTaskKind.StrategyMeetingDecision && t.SourceId == trigger, context.CancellationToken))
        {
            return;
        }
        Db.ManagerTasks.Add(ManagerTask.ForMissingPattern(message.YoungPersonId, trigger, Author.Service(SystemAuthor, Clock.GetUtcNow())));
    }
}
