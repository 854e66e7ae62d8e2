using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Admin.Events;

public sealed record EventAdminRow(int Id, string Slug, string Title, DateTimeOffset StartsAt, EventState State, int Capacity, int Confirmed, int Waitlisted);

public sealed class EventAdminListQuery(AppDbContext db)
{
    public Task<List<EventAdminRow>> RunAsync(CancellationToken cancellationToken) =>
        db.Events.AsNoTracking()
            .OrderByDescending(e => e.StartsAt)
            .Select(e => new EventAdminRow(e.Id, e.Slug, e.Title, e.StartsAt, e.State, e.Capacity,
                db.EventRegistrations.Count(r => r.EventId == e.Id && r.Status == RegistrationStatus.Confirmed),
                db.EventRegistrations.Count(r => r.EventId == e.Id && r.Status == RegistrationStatus.Waitlisted)))
            .ToListAsync(cancellationToken);
}

public sealed record RegistrationRow(int Id, string Name, string Email, string? WhatsApp, RegistrantRole Role, RegistrationStatus Status, DateTimeOffset RegisteredAt, DateTimeOffset? AttendedAt);

public sealed record EventRegistrations(int EventId, string Slug, string Title, DateTimeOffset StartsAt, int Capacity, IReadOnlyList<RegistrationRow> Rows);

public sealed class EventRegistrationsQuery(AppDbContext db)
{
    public async Task<EventRegistrations?> RunAsync(int eventId, CancellationToken cancellationToken)
    {
        var ev = await db.Events.AsNoTracking().Where(e => e.Id == eventId)
            .Select(e => new { e.Id, e.Slug, e.Title, e.StartsAt, e.Capacity })
            .FirstOrDefaultAsync(cancellationToken);
        if (ev is null)
        {
            return null;
        }
        // Confirmed first, then the waiting list in its order, cancelled last.
        var rows = await db.EventRegistrations.AsNoTracking()
            .Where(r => r.EventId == eventId)
            .OrderBy(r => r.Status).ThenBy(r => r.RegisteredAt).ThenBy(r => r.Id)
            .Select(r => new RegistrationRow(r.Id, r.Name, r.Email, r.WhatsApp, r.Role, r.Status, r.RegisteredAt, r.AttendedAt))
            .ToListAsync(cancellationToken);
        return new EventRegistrations(ev.Id, ev.Slug, ev.Title, ev.StartsAt, ev.Capacity, rows);
    }
}
