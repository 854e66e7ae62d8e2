using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Admin.Verification;

public sealed record PendingIkmRow(
    int Id, string Name, string Nib, IkmScale Scale, string? Kbli, string ProvinceName, string RegencyName, string? DistrictName,
    string? WhatsApp, string? Email, string? Website, string? OwnerName, string? OwnerEmail, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    int PendingProducts)
{
    /// The day (WIB) staff last checked the NIB in OSS; cleared when the owner changes the NIB.
    public DateOnly? NibCheckedOn { get; init; }
}

public sealed record IkmReviewView(
    PendingIkmRow Summary, string? Address, string? Sentra, int? FoundedYear, string StoryHtml, VerificationState Verification,
    string? RejectionReason, uint Version, IReadOnlyList<(int Id, string Name)> PendingProducts);

/// Pending IKM, oldest first, with what staff check: NIB, scale, KBLI, area, contacts, owner.
public sealed class VerificationQueueQuery(AppDbContext db, MarkdownRenderer markdown)
{
    public async Task<IReadOnlyList<PendingIkmRow>> ListAsync(CancellationToken cancellationToken) =>
        await Rows(db.Ikms.AsNoTracking().Where(i => i.Verification == VerificationState.Pending))
            .Take(200)
            .ToListAsync(cancellationToken);

    public async Task<IkmReviewView?> DetailAsync(int id, CancellationToken cancellationToken)
    {
        var summary = await Rows(db.Ikms.AsNoTracking().Where(i => i.Id == id)).FirstOrDefaultAsync(cancellationToken);
        if (summary is null)
        {
            return null;
        }
        var more = await db.Ikms.AsNoTracking().Where(i => i.Id == id)
            .Select(i => new { i.Address, i.Sentra, i.FoundedYear, i.Story, i.Verification, i.RejectionReason, i.Version })
            .FirstAsync(cancellationToken);
        var pending = await db.Products.AsNoTracking()
            .Where(p => p.IkmId == id && p.State == ProductState.PendingReview)
            .OrderBy(p => p.Name)
            .Select(p => new { p.Id, p.Name })
            .ToListAsync(cancellationToken);
        return new IkmReviewView(summary, more.Address, more.Sentra, more.FoundedYear, markdown.ToSafeHtml(more.Story),
            more.Verification, more.RejectionReason, more.Version, [.. pending.Select(p => (p.Id, p.Name))]);
    }

    private IQueryable<PendingIkmRow> Rows(IQueryable<Domain.Ikm> ikms) =>
        from i in ikms
        join u in db.Users on i.OwnerId equals u.Id into owners
        from owner in owners.DefaultIfEmpty()
        orderby i.UpdatedAt, i.Id
        select new PendingIkmRow(
            i.Id, i.Name, i.Nib, i.Scale, i.Kbli, i.Province!.Name, i.Regency!.Name, i.District == null ? null : i.District.Name,
            i.WhatsApp, i.Email, i.Website, owner == null ? null : owner.DisplayName, owner == null ? null : owner.Email,
            i.CreatedAt, i.UpdatedAt, i.Products.Count(p => p.State == ProductState.PendingReview))
        {
            NibCheckedOn = i.NibCheckedOn,
        };
}
