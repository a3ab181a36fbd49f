using Microsoft.EntityFrameworkCore;
using Support.Referrals.Data;
using Support.ServiceDefaults.Problems;

namespace Support.Referrals.Features.Referrals;

/// <summary>
/// References must resolve (issue 15 item 4): a record that names a referral is about that referral's young person.
/// A referral that does not exist, or is another child's, is a 422 naming the field, never a 201 with a dangling link.
/// </summary>
public static class ReferralReferences
{
    public static async Task<ValidationErrors> CheckAsync(
        ReferralsDbContext db, Guid? referralId, Guid youngPersonId, ValidationErrors errors, CancellationToken cancellationToken, string field = "referralId")
    {
        if (referralId is { } id && !await db.Referrals.AnyAsync(r => r.Id == id && r.YoungPersonId == youngPersonId, cancellationToken))
        {
            errors.Add(field, $"'{field}' must be a referral about this young person.");
        }
        return errors;
    }
}
