using Support.Referrals.Domain;

namespace Support.Referrals.Tests;

public sealed class AgeTests
{
    [Theory]
    [InlineData("2010-05-14", "2026-05-13", 15)]
    [InlineData("2010-05-14", "2026-05-14", 16)]
    [InlineData("2008-02-29", "2026-02-28", 17)] // common year: not yet 18 on 28 February
    [InlineData("2008-02-29", "2026-03-01", 18)] // ...but 18 on 1 March
    [InlineData("2008-02-29", "2028-02-29", 20)] // leap year: the real birthday
    [InlineData("2008-02-29", "2028-02-28", 19)]
    [InlineData("2010-12-31", "2011-01-01", 0)]
    public void Age_on_a_date_counts_whole_years_and_29_February_birthdays_fall_on_1_March_in_common_years(string born, string on, int expected)
    {
        Assert.Equal(expected, YoungPerson.AgeOn(DateOnly.Parse(born), DateOnly.Parse(on)));
    }
}
