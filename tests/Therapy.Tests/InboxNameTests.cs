using Support.Testing;

namespace Support.Therapy.Tests;

public sealed class InboxNameTests
{
    [Fact]
    public void Every_consumer_declares_its_own_inbox_name_and_the_names_match_the_recorded_list() =>
        InboxNameContract.Verify("tests/Therapy.Tests/inbox-names.txt", typeof(Support.Therapy.Data.TherapyDbContext).Assembly, typeof(Support.Registry.KnownYoungPerson).Assembly);
}
