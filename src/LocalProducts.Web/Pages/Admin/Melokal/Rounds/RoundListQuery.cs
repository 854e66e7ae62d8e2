using LocalProducts.Web.Data;
using LocalProducts.Web.Domain.Melokal;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Admin.Melokal.Rounds;

public sealed record RoundListRow(
    int Id, string CampaignName, string Title, RoundState State, DateOnly WindowStartsOn, int WindowDays, int Pending, int Approved)
{
    public DateOnly WindowEndsOn => WindowStartsOn.AddDays(WindowDays - 1);
}

/// Every round, newest window first, with the entries waiting for staff and those approved.
public sealed class RoundListQuery(AppDbContext db)
{
    public Task<List<RoundListRow>> RunAsync(CancellationToken cancellationToken) =>
        db.InfluencerRounds.AsNoTracking()
            .OrderByDescending(r => r.WindowStartsOn).ThenByDescending(r => r.Id)
            .Select(r => new RoundListRow(r.Id, r.Campaign!.Name, r.Title, r.State, r.WindowStartsOn, r.WindowDays,
                db.RoundEntries.Count(e => e.RoundId == r.Id && e.Status == EntryStatus.Pending),
                db.RoundEntries.Count(e => e.RoundId == r.Id && e.Status == EntryStatus.Approved)))
            .ToListAsync(cancellationToken);
}
