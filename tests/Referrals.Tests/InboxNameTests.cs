using Support.Testing;

namespace Support.Referrals.Tests;

public sealed class InboxNameTests
{
    [Fact]
    public void Every_consumer_declares_its_own_inbox_name_and_the_names_match_the_recorded_list() =>
        InboxNameContract.Verify("tests/Referrals.Tests/inbox-names.txt", typeof(Support.Referrals.Data.ReferralsDbContext).Assembly);
}
