using CsCheck;
using Support.Contracts.Risk;
using Support.ServiceDefaults.Time;
using Support.SupportLine.Domain;

namespace Support.SupportLine.Tests.Domain;

public sealed class ContactGrammarTests
{
    private static readonly DateTimeOffset SaturdayNight = new(2026, 1, 10, 22, 30, 0, TimeSpan.Zero);

    [Fact]
    public void A_contact_after_midnight_for_a_time_before_midnight_is_dated_the_day_before()
    {
        var receivedAt = new DateTimeOffset(2026, 1, 11, 0, 10, 0, TimeSpan.Zero);
        var contact = ContactGrammar.Parse("C Jaz 2350 Park / ok", receivedAt).Contact!;
        Assert.Equal(London.At(new DateOnly(2026, 1, 10), new TimeOnly(23, 50)), contact.ContactedAt);
    }

    [Fact]
    public void The_time_is_london_time_in_summer()
    {
        var receivedAt = new DateTimeOffset(2026, 7, 1, 21, 0, 0, TimeSpan.Zero); // 22:00 BST
        var contact = ContactGrammar.Parse("c Jaz 2130 Park / ok", receivedAt).Contact!;
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 20, 30, 0, TimeSpan.Zero), contact.ContactedAt);
    }

    [Fact]
    public void A_one_word_place_needs_no_slash() =>
        Assert.Equal("Interchange", ContactGrammar.Parse("C Kay 2100 Interchange waiting by taxis", SaturdayNight).Contact!.Place);

    private static readonly Gen<string> Word = Gen.Char["abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"].Array[1, 12].Select(c => new string(c));

    [Fact]
    public void Any_well_formed_contact_parses_back_to_what_was_typed() =>
        Gen.Select(Word, Gen.Int[0, 23], Gen.Int[0, 59], Word.Array[1, 4], Word.Array[1, 30], Gen.Int[-1, 3])
            .Sample((alias, hour, minute, place, notes, concern) =>
            {
                var concernText = concern < 0 ? "" : " !" + ((RiskLevel)concern).ToString().ToLowerInvariant();
                var text = $"C {alias} {hour:00}{minute:00}{concernText} {string.Join(' ', place)} / {string.Join(' ', notes)}";
                var contact = ContactGrammar.Parse(text, SaturdayNight).Contact;
                return contact is not null
                    && contact.Alias == alias
                    && London.TimeOf(contact.ContactedAt) == new TimeOnly(hour, minute)
                    && contact.ContactedAt <= SaturdayNight.AddMinutes(5)
                    && contact.ContactedAt > SaturdayNight.AddDays(-1)
                    && contact.Place == string.Join(' ', place)
                    && contact.Notes == string.Join(' ', notes)
                    && contact.Concern == (concern < 0 ? null : (RiskLevel)concern);
            });

    [Fact]
    public void Any_text_either_parses_or_gives_a_reason_and_never_throws() =>
        Gen.String.Sample(text =>
        {
            var result = ContactGrammar.Parse("C " + text, SaturdayNight);
            return (result.Contact is null) != (result.Error is null);
        });
}
