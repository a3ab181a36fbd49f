using Microsoft.EntityFrameworkCore;
using Support.Referrals.Data;
using Support.Referrals.Domain.Cases;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Features.Cases;

/// <summary>
/// What the case itself holds open at closure (REF-25): a transfer not yet accepted and approved (blocks), and an
/// 18th birthday within 6 months (needs an explicit decision: age 18 is not an end date, Part I, LC-02).
/// </summary>
public sealed class CaseOwnOpenItems(ReferralsDbContext db) : ICaseOpenItemSource
{
    public const int EighteenthBirthdayWithinMonths = 6;

    public async Task<IReadOnlyList<CaseOpenItem>> FindAsync(Case @case, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var items = new List<CaseOpenItem>();
        var transfers = await db.Set<CaseTransfer>().AsNoTracking().Include(t => t.Decisions).Where(t => t.CaseId == @case.Id).ToListAsync(cancellationToken);
        items.AddRange(transfers.Where(t => t.IsPending).Select(t => new CaseOpenItem(
            $"transfer:{t.Id}", "Transfer", $"Transfer from team '{t.FromTeam}' to team '{t.ToTeam}' is {t.Status}.", BlocksClosure: true)));

        var dateOfBirth = await db.DateOfBirthOfAsync(@case.YoungPersonId, cancellationToken);
        if (dateOfBirth is { } born)
        {
            var today = London.DateOf(now);
            var eighteenth = EighteenthBirthday(born);
            if (eighteenth >= today && eighteenth <= today.AddMonths(EighteenthBirthdayWithinMonths))
            {
                items.Add(new CaseOpenItem("eighteenth-birthday", "EighteenthBirthday",
                    $"The young person turns 18 on {eighteenth:yyyy-MM-dd}: decide the onward arrangement (leaving care, adult services) before closing.",
                    BlocksClosure: false));
            }
        }
        return items;
    }

    /// <summary>Someone born on 29 February turns 18 on 1 March in a common year (Part I).</summary>
    public static DateOnly EighteenthBirthday(DateOnly born)
    {
        var year = born.Year + 18;
        return born is { Month: 2, Day: 29 } && !DateTime.IsLeapYear(year) ? new DateOnly(year, 3, 1) : new DateOnly(year, born.Month, born.Day);
    }
}
