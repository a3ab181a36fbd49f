using Microsoft.AspNetCore.Mvc;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Load;

namespace Support.Outreach.Features.Contacts;

public static class ContactEndpoints
{
    public static IEndpointRouteBuilder MapContactEndpoints(this IEndpointRouteBuilder app)
    {
        // Identifiable data: commissioners and governance get 403 here (Part I).
        var contacts = app.MapGroup("/api/outreach/contacts").RequireAuthorization(Policies.CaseStaff).WithTags("Contacts")
            .WithMetadata(new RequestSizeLimitAttribute(Input.MaxBodyBytes));
        // OUT-01: a burst waits its turn (ServiceDefaults' BurstQueue); a full queue is a 503 with Retry-After, which the
        // app's offline queue retries with the same Idempotency-Key.
        contacts.MapPost("/", LogContact.HandleAsync).RequireAuthorization(OutreachApi.OutreachStaff).QueuedInBursts()
            .WithName("LogContact").WithSummary("Log a contact with a young person or an alias; Idempotency-Key makes a retry safe (OUT-01)");
        contacts.MapGet("/{id:guid}", GetContact.HandleAsync)
            .WithName("GetContact").WithSummary("One contact and the entries that correct it");
        contacts.MapPost("/{id:guid}/corrections", CorrectContact.HandleAsync).RequireAuthorization(OutreachApi.OutreachStaff)
            .WithName("CorrectContact").WithSummary("Correct a contact with a new entry that points at it, with a reason (REC-01)");

        app.MapGet("/api/outreach/young-people/{id:guid}/contacts", ListYoungPersonContacts.HandleAsync)
            .RequireAuthorization(Policies.CaseStaff).WithTags("Contacts")
            .AuditsReadOf(AccessSubjects.YoungPerson)
            .WithName("ListYoungPersonContacts").WithSummary("A young person's outreach contacts, including those recorded under a matched alias (OUT-02)");
        return app;
    }
}
