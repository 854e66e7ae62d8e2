using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Admin;

public sealed record StaffHomeView(int PendingIkms, int PendingProducts, int HiddenByStaff, int AuditEntriesToday);

/// What waits for staff, for the admin home.
public sealed class StaffHomeQuery(AppDbContext db, TimeProvider clock)
{
    public async Task<StaffHomeView> RunAsync(CancellationToken cancellationToken)
    {
        var today = Wib.Today(clock);
        var startOfDay = new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), Wib.Offset).ToUniversalTime();
        return new StaffHomeView(
            await db.Ikms.CountAsync(i => i.Verification == VerificationState.Pending, cancellationToken),
            await ModerationQueueQuery.Waiting(db).CountAsync(cancellationToken),
            await db.Products.CountAsync(p => p.State == ProductState.Hidden && p.HiddenReason != null, cancellationToken),
            await db.AuditEntries.CountAsync(a => a.At >= startOfDay, cancellationToken));
    }
}

public sealed record PendingIkmRow(
    int Id, string Name, string Nib, IkmScale Scale, string? Kbli, string ProvinceName, string RegencyName, string? DistrictName,
    string? WhatsApp, string? Email, string? Website, string? OwnerName, string? OwnerEmail, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    int PendingProducts);

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
            i.CreatedAt, i.UpdatedAt, i.Products.Count(p => p.State == ProductState.PendingReview));
}

public sealed record StaffProductRow(
    int Id, string Slug, string Name, string IkmName, VerificationState IkmVerification, string CategoryName, long PriceMin, long? PriceMax,
    ProductState State, string? HiddenReason, DateTimeOffset UpdatedAt);

public sealed record StaffProductPage(IReadOnlyList<StaffProductRow> Rows, int Total, int Page, int PageCount);

/// Listings waiting for staff: pending products, oldest change first. Those of a rejected IKM
/// wait until the IKM is corrected and verified.
public sealed class ModerationQueueQuery(AppDbContext db)
{
    public const int PageSize = 50;

    public static IQueryable<Product> Waiting(AppDbContext db) =>
        db.Products.Where(p => p.State == ProductState.PendingReview && p.Ikm!.Verification != VerificationState.Rejected);

    public async Task<StaffProductPage> RunAsync(int page, CancellationToken cancellationToken)
    {
        var waiting = Waiting(db).AsNoTracking();
        var total = await waiting.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var rows = await waiting.OrderBy(p => p.UpdatedAt).ThenBy(p => p.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(StaffProductQuery.Row)
            .ToListAsync(cancellationToken);
        return new StaffProductPage(rows, total, page, pageCount);
    }
}

public sealed record StaffProductDetail(
    StaffProductRow Row, int IkmId, string DescriptionHtml, string? Unit, int MinOrder, uint Version,
    IReadOnlyList<(CertificationKind Kind, string Number, DateOnly? ExpiresOn)> Certifications,
    IReadOnlyList<(Marketplace Platform, string Url)> Links);

/// Staff look up any listing by name, slug or IKM name, in any state.
public sealed class StaffProductQuery(AppDbContext db, MarkdownRenderer markdown)
{
    public const int PageSize = 50;

    internal static readonly System.Linq.Expressions.Expression<Func<Product, StaffProductRow>> Row = p => new StaffProductRow(
        p.Id, p.Slug, p.Name, p.Ikm!.Name, p.Ikm.Verification, p.Category!.Name, p.PriceMin, p.PriceMax, p.State, p.HiddenReason, p.UpdatedAt);

    public async Task<StaffProductPage> SearchAsync(string? words, ProductState? state, int page, CancellationToken cancellationToken)
    {
        var products = db.Products.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(words))
        {
            var pattern = "%" + words.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
                .Replace("_", "\\_", StringComparison.Ordinal) + "%";
            products = products.Where(p => EF.Functions.ILike(p.Name, pattern) || EF.Functions.ILike(p.Slug, pattern) || EF.Functions.ILike(p.Ikm!.Name, pattern));
        }
        if (state is { } s)
        {
            products = products.Where(p => p.State == s);
        }
        var total = await products.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var rows = await products.OrderByDescending(p => p.UpdatedAt).ThenByDescending(p => p.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(Row)
            .ToListAsync(cancellationToken);
        return new StaffProductPage(rows, total, page, pageCount);
    }

    public async Task<StaffProductDetail?> DetailAsync(int id, CancellationToken cancellationToken)
    {
        var row = await db.Products.AsNoTracking().Where(p => p.Id == id).Select(Row).FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }
        var more = await db.Products.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new
            {
                p.IkmId,
                p.Description,
                p.Unit,
                p.MinOrder,
                p.Version,
                Certifications = p.Certifications.OrderBy(c => c.Kind).Select(c => new { c.Kind, c.Number, c.ExpiresOn }).ToList(),
                Links = p.MarketplaceLinks.OrderBy(l => l.Platform).Select(l => new { l.Platform, l.Url }).ToList(),
            })
            .AsSplitQuery()
            .FirstAsync(cancellationToken);
        return new StaffProductDetail(row, more.IkmId, markdown.ToSafeHtml(more.Description), more.Unit, more.MinOrder, more.Version,
            [.. more.Certifications.Select(c => (c.Kind, c.Number, c.ExpiresOn))],
            [.. more.Links.Select(l => (l.Platform, l.Url))]);
    }
}
