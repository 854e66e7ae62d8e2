using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Domain.QrCodes;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Dashboard;

public sealed record OwnerIkmSummary(
    int Id, string Slug, string Name, VerificationState Verification, string? RejectionReason, DateTimeOffset? VerifiedAt);

public sealed record PlatformClicks(Marketplace Platform, int Clicks);

/// Scans of a thing's printed QR code: in the dashboard's 30 days and since it was made.
public sealed record QrScanCounts(bool HasCode, int LastDays, int Total)
{
    public static readonly QrScanCounts NoCode = new(false, 0, 0);
}

public sealed record OwnerProductRow(
    int Id,
    string Slug,
    string Name,
    ProductState State,
    string? HiddenReason,
    long PriceMin,
    long? PriceMax,
    CompletenessScore Completeness,
    IReadOnlyList<PlatformClicks> Clicks,
    QrScanCounts Scans)
{
    public int TotalClicks => Clicks.Sum(c => c.Clicks);
}

public sealed record DashboardView(
    OwnerIkmSummary? Ikm, IReadOnlyList<OwnerProductRow> Products, DateOnly ClicksFrom, DateOnly ClicksTo, QrScanCounts IkmScans)
{
    /// Clicks to marketplaces and WhatsApp from all the IKM's products in the 30 days.
    public int TotalClicks => Products.Sum(p => p.TotalClicks);
}

/// The owner's home: their IKM and its state, their products with completeness, the clicks to
/// marketplaces each received in the last 30 days (WIB) and the scans of the QR codes of the IKM
/// and each product. Everything is filtered by the owner's id.
public sealed class DashboardQuery(AppDbContext db, TimeProvider clock)
{
    public const int ClickDays = 30;

    public async Task<DashboardView> RunAsync(Guid ownerId, CancellationToken cancellationToken)
    {
        var today = Wib.Today(clock);
        var from = today.AddDays(-(ClickDays - 1));
        var ikm = await OwnedIkm.Of(db, ownerId)
            .Select(i => new OwnerIkmSummary(i.Id, i.Slug, i.Name, i.Verification, i.RejectionReason, i.VerifiedAt))
            .FirstOrDefaultAsync(cancellationToken);
        if (ikm is null)
        {
            return new DashboardView(null, [], from, today, QrScanCounts.NoCode);
        }

        var products = await db.Products.AsNoTracking()
            .Where(p => p.IkmId == ikm.Id)
            .OrderBy(p => p.Name).ThenBy(p => p.Id)
            .Select(p => new
            {
                p.Id,
                p.Slug,
                p.Name,
                p.State,
                p.HiddenReason,
                p.PriceMin,
                p.PriceMax,
                Photos = p.Images.Count,
                DescriptionLength = p.Description == null ? 0 : p.Description.Length,
                Certifications = p.Certifications.Count,
                Links = p.MarketplaceLinks.Count,
            })
            .ToListAsync(cancellationToken);
        var clicks = await db.OutboundClicks.AsNoTracking()
            .Where(c => c.Day >= from && db.Products.Any(p => p.Id == c.ProductId && p.IkmId == ikm.Id))
            .GroupBy(c => new { c.ProductId, c.Platform })
            .Select(g => new { g.Key.ProductId, g.Key.Platform, Clicks = g.Sum(c => c.Clicks) })
            .ToListAsync(cancellationToken);
        var clicksByProduct = clicks.ToLookup(c => c.ProductId);
        var scans = await db.QrCodes.AsNoTracking()
            .Where(q => (q.TargetKind == QrTargetKind.Ikm && q.TargetId == ikm.Id)
                || (q.TargetKind == QrTargetKind.Product && db.Products.Any(p => p.Id == q.TargetId && p.IkmId == ikm.Id)))
            .Select(q => new
            {
                q.TargetKind,
                q.TargetId,
                LastDays = db.QrScans.Where(s => s.QrCodeId == q.Id && s.Day >= from).Sum(s => (int?)s.Scans) ?? 0,
                Total = db.QrScans.Where(s => s.QrCodeId == q.Id).Sum(s => (int?)s.Scans) ?? 0,
            })
            .ToListAsync(cancellationToken);
        QrScanCounts ScansOf(QrTargetKind kind, int id) =>
            scans.FirstOrDefault(s => s.TargetKind == kind && s.TargetId == id) is { } s ? new(true, s.LastDays, s.Total) : QrScanCounts.NoCode;

        var rows = products.Select(p => new OwnerProductRow(
            p.Id, p.Slug, p.Name, p.State, p.HiddenReason, p.PriceMin, p.PriceMax,
            ListingCompleteness.Evaluate(new ListingFacts(p.Photos, p.DescriptionLength, p.PriceMin, p.Certifications, p.Links)),
            [.. clicksByProduct[p.Id].OrderBy(c => c.Platform).Select(c => new PlatformClicks(c.Platform, c.Clicks))],
            ScansOf(QrTargetKind.Product, p.Id))).ToList();
        return new DashboardView(ikm, rows, from, today, ScansOf(QrTargetKind.Ikm, ikm.Id));
    }
}

/// The one place that says which IKM belongs to an owner. One IKM per owner for now: the oldest.
public static class OwnedIkm
{
    public static IQueryable<Domain.Ikm> Of(AppDbContext db, Guid ownerId) =>
        db.Ikms.AsNoTracking().Where(i => i.OwnerId == ownerId).OrderBy(i => i.Id);
}
