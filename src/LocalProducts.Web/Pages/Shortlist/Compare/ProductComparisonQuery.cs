using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Pages.Products;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Shortlist.Compare;

public sealed class ProductComparisonQuery(AppDbContext db, TimeProvider clock)
{
    public async Task<ProductComparison> RunAsync(IReadOnlyList<string> slugs, CancellationToken cancellationToken)
    {
        if (slugs.Count == 0)
        {
            return new ProductComparison([], []);
        }
        var today = Wib.Today(clock);
        var rows = await ProductCard.Visible(db.Products.AsNoTracking())
            .Where(p => slugs.Contains(p.Slug))
            .Select(p => new
            {
                p.Slug,
                p.Name,
                p.PriceMin,
                p.PriceMax,
                p.Unit,
                p.MinOrder,
                Maker = new MakerCard(p.Ikm!.Slug, p.Ikm.Name, p.Ikm.Regency!.Name, p.Ikm.Province!.Name,
                    p.Ikm.Verification == VerificationState.Verified, p.Ikm.WhatsApp)
                {
                    IsESmartAlumnus = p.Ikm.ESmartAlumniSince != null,
                },
                Certifications = p.Certifications.OrderBy(c => c.Kind)
                    .Select(c => new { c.Kind, c.Number, c.IssuedOn, c.ExpiresOn, c.TkdnPercent, c.BmpPercent })
                    .ToList(),
                Marketplaces = p.MarketplaceLinks.OrderBy(l => l.Platform).Select(l => new MarketplaceView(l.Platform, l.Url)).ToList(),
            })
            // At most four products with a handful of certificates and links each.
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

        var bySlug = rows.ToDictionary(
            r => r.Slug,
            r => new ComparedProduct(
                r.Slug,
                r.Name,
                r.PriceMin,
                r.PriceMax,
                r.Unit,
                r.MinOrder,
                r.Maker,
                [.. r.Certifications.Select(c => new CertificationView(c.Kind, c.Number, c.IssuedOn, c.ExpiresOn, c.TkdnPercent, c.BmpPercent, c.ExpiresOn is null || c.ExpiresOn >= today))],
                r.Marketplaces,
                r.Certifications.Any(c => Certification.QualifiesForPdn(c.Kind, c.TkdnPercent, c.BmpPercent, c.ExpiresOn, today))),
            StringComparer.Ordinal);
        return new ProductComparison(
            [.. slugs.Where(bySlug.ContainsKey).Select(s => bySlug[s])],
            [.. slugs.Where(s => !bySlug.ContainsKey(s))]);
    }
}
