using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Events;

/// The places of an event: what is taken, and who gets a freed one. Called under the event's
/// row lock, so two changes cannot hand out one place twice.
public static class EventPlaces
{
    /// Places taken now: confirmed ones and holds that have not run out.
    public static Task<int> TakenAsync(AppDbContext db, int eventId, DateTimeOffset now, int? except, CancellationToken cancellationToken) =>
        db.EventRegistrations.Where(r => r.EventId == eventId && r.Id != (except ?? 0)).CountAsync(EventRegistration.TakesAPlaceAt(now), cancellationToken);

    /// Gives the free places to the waiting list, earliest first, among those whose address is
    /// confirmed (an unconfirmed address could be anyone's). Saves what the caller changed first,
    /// so the count sees it; returns the registrations that got a place, to be told by e-mail.
    public static async Task<IReadOnlyList<EventRegistration>> FillFreedAsync(AppDbContext db, CampaignEvent ev, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        var free = ev.Capacity - await TakenAsync(db, ev.Id, now, null, cancellationToken);
        if (free <= 0)
        {
            return [];
        }
        var waiting = await db.EventRegistrations
            .Where(r => r.EventId == ev.Id && r.Status == RegistrationStatus.Waitlisted && r.EmailConfirmedAt != null)
            .OrderBy(r => r.RegisteredAt).ThenBy(r => r.Id)
            .Take(free)
            .ToListAsync(cancellationToken);
        return [.. waiting.Where(r => r.TakeFreedPlace())];
    }
}
