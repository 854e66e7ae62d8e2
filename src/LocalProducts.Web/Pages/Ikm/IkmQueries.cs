using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure;
using LocalProducts.Web.Pages.Products;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Ikm;

public sealed record IkmListItem(string Slug, string Name, string RegencyName, string ProvinceName, string? Sentra, int ProductCount);
public sealed record ProvinceGroup(string ProvinceName, IReadOnlyList<IkmListItem> Makers);

/// The directory of verified makers, grouped by province. Filters and paging come with the
/// catalogue issue.
public sealed class IkmDirectoryQuery(AppDbContext db)
{
    public async Task<IReadOnlyList<ProvinceGroup>> RunAsync(CancellationToken cancellationToken)
    {
        var makers = await db.Ikms.AsNoTracking()
            .Where(i => i.Verification == VerificationState.Verified)
            .OrderBy(i => i.Province!.Name).ThenBy(i => i.Name)
            .Select(i => new IkmListItem(i.Slug, i.Name, i.Regency!.Name, i.Province!.Name, i.Sentra,
                i.Products.Count(p => p.State == ProductState.Published)))
            .ToListAsync(cancellationToken);
        return makers.GroupBy(m => m.ProvinceName).Select(g => new ProvinceGroup(g.Key, g.ToList())).ToList();
    }
}

public sealed record IkmProfileView(
    string Slug,
    string Name,
    string StoryHtml,
    string StoryText,
    IkmScale Scale,
    string RegencyName,
    string ProvinceName,
    string? DistrictName,
    string? Address,
    string? Sentra,
    int? FoundedYear,
    string? WhatsApp,
    string? Email,
    string? Website,
    bool IsVerified,
    IReadOnlyList<ProductCard> Products);

public sealed class IkmProfileQuery(AppDbContext db, TimeProvider clock, MarkdownRenderer markdown)
{
    public async Task<IkmProfileView?> RunAsync(string slug, bool english, CancellationToken cancellationToken)
    {
        var ikm = await db.Ikms.AsNoTracking()
            .Where(i => i.Slug == slug && i.Verification == VerificationState.Verified)
            .Select(i => new
            {
                i.Id,
                i.Slug,
                i.Name,
                i.Story,
                i.Scale,
                RegencyName = i.Regency!.Name,
                ProvinceName = i.Province!.Name,
                DistrictName = i.District == null ? null : i.District.Name,
                i.Address,
                i.Sentra,
                i.FoundedYear,
                i.WhatsApp,
                i.Email,
                i.Website,
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (ikm is null)
        {
            return null;
        }
        var products = await ProductCard.Visible(db.Products.AsNoTracking())
            .Where(p => p.IkmId == ikm.Id)
            .OrderByDescending(p => p.PublishedAt).ThenBy(p => p.Id)
            .Select(ProductCard.Projection(Wib.Today(clock), english))
            .ToListAsync(cancellationToken);
        return new IkmProfileView(ikm.Slug, ikm.Name, markdown.ToSafeHtml(ikm.Story), markdown.ToPlainText(ikm.Story), ikm.Scale,
            ikm.RegencyName, ikm.ProvinceName, ikm.DistrictName, ikm.Address, ikm.Sentra, ikm.FoundedYear,
            ikm.WhatsApp, ikm.Email, ikm.Website, IsVerified: true, products);
    }
}
