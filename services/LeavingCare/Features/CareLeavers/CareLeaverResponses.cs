using Support.LeavingCare.Features.Alerts;

namespace Support.LeavingCare.Features.CareLeavers;

public sealed record CareLeaverDetailResponse(CareLeaverResponse Record, HandoverPackResponse Pack, ContinuityResponse? Continuity = null, CaseworkPackResponse? Casework = null);

/// <summary>A 404 body that says which id was unknown (the young person or the adviser).</summary>
public sealed record ProblemDetailsLite(string Title);
