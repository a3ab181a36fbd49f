using Support.Testing;

namespace Support.Missing.Tests;

public sealed class InboxNameTests
{
    [Fact]
    public void Every_consumer_declares_its_own_inbox_name_and_the_names_match_the_recorded_list() =>
        InboxNameContract.Verify("tests/Missing.Tests/inbox-names.txt", typeof(Support.Missing.Data.MissingDbContext).Assembly, typeof(Support.Registry.KnownYoungPerson).Assembly);
}
