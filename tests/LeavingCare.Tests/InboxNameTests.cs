using Support.Testing;

namespace Support.LeavingCare.Tests;

public sealed class InboxNameTests
{
    [Fact]
    public void Every_consumer_declares_its_own_inbox_name_and_the_names_match_the_recorded_list() =>
        InboxNameContract.Verify("tests/LeavingCare.Tests/inbox-names.txt", typeof(Support.LeavingCare.Data.LeavingCareDbContext).Assembly, typeof(Support.Registry.KnownYoungPerson).Assembly);
}
