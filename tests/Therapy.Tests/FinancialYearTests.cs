using Support.ServiceDefaults.Problems;
using Support.Therapy.Features.Reports;

namespace Support.Therapy.Tests;

/// <summary>COM-01: financial years run April to March in London time, never overlap and leave no gaps.</summary>
public sealed class FinancialYearTests
{
    [Fact]
    public void Half_past_midnight_BST_on_1_April_is_in_the_new_year_though_it_is_still_31_March_in_UTC()
    {
        var year = new FinancialYear(2026);
        var justAfter = new DateTimeOffset(2026, 3, 31, 23, 30, 0, TimeSpan.Zero); // 00:30 BST on 1 April
        Assert.True(justAfter >= year.From);
        Assert.False(justAfter < year.Previous.To);
        Assert.Equal("2026-27", year.Label);
        Assert.Equal(year.From, year.Previous.To);
    }

    [Fact]
    public void Consecutive_years_meet_exactly_and_every_date_belongs_to_one()
    {
        for (var date = new DateOnly(2024, 1, 1); date < new DateOnly(2028, 1, 1); date = date.AddDays(1))
        {
            var owner = FinancialYear.Of(date);
            Assert.True(owner.Contains(date));
            Assert.False(owner.Previous.Contains(date));
            Assert.False(new FinancialYear(owner.StartYear + 1).Contains(date));
        }
        Assert.Equal(new DateOnly(2027, 3, 31), new FinancialYear(2026).LastDay);
        Assert.Equal(2025, FinancialYear.Of(new DateOnly(2026, 3, 31)).StartYear);
    }

    [Theory]
    [InlineData("2026-28")]
    [InlineData("2026/27")]
    [InlineData("2027-28")]
    [InlineData(" ")]
    public void A_year_that_is_malformed_or_not_yet_started_is_refused_except_blank_which_is_the_current_year(string text)
    {
        var errors = new ValidationErrors();
        var year = FinancialYear.Parse(errors, "year", text, new DateOnly(2026, 11, 18));
        Assert.Equal(string.IsNullOrWhiteSpace(text), year is not null);
        Assert.Equal(!string.IsNullOrWhiteSpace(text), errors.Any);
    }
}
