using LocalProducts.Web.Data;
using LocalProducts.Web.Domain.Melokal;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Admin.Melokal.Entries;

public sealed record EntryHandleRow(SocialPlatform Platform, string Handle, int Followers);

public sealed record EntryRow(
    int Id, EntryStatus Status, string Name, string City, string Email, string? WhatsApp, DateTimeOffset SignedUpAt,
    DateTimeOffset? DecidedAt, string? DecidedBy, string? DeclineReason, IReadOnlyList<EntryHandleRow> Handles);

public sealed record RoundEntries(int RoundId, string Title, RoundState State, IReadOnlyList<EntryRow> Rows)
{
    /// Staff decide while sign-ups run and during monitoring; once scored the list is fixed.
    public bool Decides => State is not (RoundState.Scoring or RoundState.Final);

    public IEnumerable<EntryRow> With(EntryStatus status) => Rows.Where(r => r.Status == status);
}

/// A round's sign-ups for staff, contact details included (staff only: no public page shows them).
public sealed class RoundEntriesQuery(AppDbContext db)
{
    public async Task<RoundEntries?> RunAsync(int roundId, CancellationToken cancellationToken)
    {
        var round = await db.InfluencerRounds.AsNoTracking().Where(r => r.Id == roundId)
            .Select(r => new { r.Id, r.Title, r.State }).FirstOrDefaultAsync(cancellationToken);
        if (round is null)
        {
            return null;
        }
        var rows = await db.RoundEntries.AsNoTracking().Where(e => e.RoundId == roundId)
            .OrderBy(e => e.SignedUpAt).ThenBy(e => e.Id)
            .Select(e => new EntryRow(e.Id, e.Status, e.Influencer!.Name, e.Influencer.City, e.Influencer.Email, e.Influencer.WhatsApp, e.SignedUpAt,
                e.DecidedAt, e.DecidedBy, e.DeclineReason,
                e.Handles.OrderBy(h => h.Platform).Select(h => new EntryHandleRow(h.Platform, h.Handle, h.Followers)).ToList()))
            .ToListAsync(cancellationToken);
        return new RoundEntries(round.Id, round.Title, round.State, rows);
    }
}
