using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Admin.Moderation;

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
