namespace Support.Referrals.Features.Escalations;

/// <summary>
/// REF-21 parameters (configuration section <c>Escalations</c>). The brief asks for "a deadline for a written response"
/// without a figure; the default is 5 working days, the platform's deadline for a risk review (Part I), so a challenge
/// to a decision is answered on the same clock as the review it may lead to.
/// </summary>
public sealed class EscalationOptions
{
    public const string Section = "Escalations";

    public int ResponseWorkingDays { get; set; } = 5;

    public bool IsValid() => ResponseWorkingDays is >= 1 and <= 20;
}
