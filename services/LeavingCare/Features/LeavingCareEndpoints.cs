using Support.LeavingCare.Features.Accommodation;
using Support.LeavingCare.Features.Advisers;
using Support.LeavingCare.Features.Alerts;
using Support.LeavingCare.Features.CareLeavers;
using Support.LeavingCare.Features.Reports;

namespace Support.LeavingCare.Features;

public static class LeavingCareEndpoints
{
    public static IEndpointRouteBuilder MapLeavingCareEndpoints(this IEndpointRouteBuilder app) => app
        .MapAdviserEndpoints()
        .MapCareLeaverEndpoints()
        .MapAlertEndpoints()
        .MapAccommodationEndpoints()
        .MapReportEndpoints();
}
