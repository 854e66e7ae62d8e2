using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Events;

public sealed record EventListItem(string Slug, string Title, DateTimeOffset StartsAt, string? Place, bool Online, string? CampaignHashtag, EventState State, int PlacesLeft);

public sealed record EventList(IReadOnlyList<EventListItem> Upcoming, IReadOnlyList<EventListItem> Past);

public sealed class EventListQuery(AppDbContext db, TimeProvider clock)
{
    public async Task<EventList> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var events = await db.Events.AsNoTracking()
            .Where(e => e.State != EventState.Draft)
            .OrderBy(e => e.StartsAt)
            .Select(e => new EventListItem(
                e.Slug, e.Title, e.StartsAt, e.Place, e.OnlineUrl != null,
                e.Campaign == null ? null : e.Campaign.Hashtag,
                e.State,
                e.Capacity - db.EventRegistrations.Count(r => r.EventId == e.Id && (r.Status == RegistrationStatus.Confirmed || (r.Status == RegistrationStatus.Held && r.HoldExpiresAt > now)))))
            .ToListAsync(cancellationToken);
        return new EventList(
            events.Where(e => e.StartsAt >= now).ToList(),
            events.Where(e => e.StartsAt < now).OrderByDescending(e => e.StartsAt).Take(20).ToList());
    }
}

public sealed record EventDetail(
    int Id, string Slug, string Title, DateTimeOffset StartsAt, DateTimeOffset? EndsAt, string? Place, string? OnlineUrl,
    int Capacity, int Confirmed, int Waitlisted, string DescriptionHtml, string DescriptionText, EventState State,
    string? CampaignSlug, string? CampaignHashtag, bool TakesRegistrations)
{
    public int PlacesLeft => Math.Max(0, Capacity - Confirmed);
}

public sealed class EventDetailQuery(AppDbContext db, TimeProvider clock, MarkdownRenderer markdown)
{
    public async Task<EventDetail?> RunAsync(string slug, CancellationToken cancellationToken)
    {
        // Places taken: confirmed, and held for an e-mail still to be confirmed.
        var now = clock.GetUtcNow();
        var e = await db.Events.AsNoTracking()
            .Where(e => e.Slug == slug && e.State != EventState.Draft)
            .Select(e => new
            {
                Event = e,
                CampaignSlug = e.Campaign == null ? null : e.Campaign.Slug,
                CampaignHashtag = e.Campaign == null ? null : e.Campaign.Hashtag,
                Confirmed = db.EventRegistrations.Count(r => r.EventId == e.Id && (r.Status == RegistrationStatus.Confirmed || (r.Status == RegistrationStatus.Held && r.HoldExpiresAt > now))),
                Waitlisted = db.EventRegistrations.Count(r => r.EventId == e.Id && r.Status == RegistrationStatus.Waitlisted),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (e is null)
        {
            return null;
        }
        var ev = e.Event;
        return new EventDetail(ev.Id, ev.Slug, ev.Title, ev.StartsAt, ev.EndsAt, ev.Place, ev.OnlineUrl, ev.Capacity, e.Confirmed, e.Waitlisted,
            markdown.ToSafeHtml(ev.Description), markdown.ToPlainText(ev.Description), ev.State, e.CampaignSlug, e.CampaignHashtag,
            ev.TakesRegistrationsAt(clock.GetUtcNow()));
    }
}
