using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure;
using LocalProducts.Web.Infrastructure.Images;
using LocalProducts.Web.Pages.Products.Search;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Products;

public sealed record CertificationView(CertificationKind Kind, string Number, DateOnly? IssuedOn, DateOnly? ExpiresOn, decimal? TkdnPercent, decimal? BmpPercent, bool IsValid);
public sealed record MarketplaceView(Marketplace Platform, string Url);
public sealed record MakerCard(string Slug, string Name, string RegencyName, string ProvinceName, bool IsVerified, string? WhatsApp)
{
    /// The maker completed an e-Smart IKM cohort: the product page shows the alumni badge.
    public bool IsESmartAlumnus { get; init; }
}
public sealed record Breadcrumb(string Name, string Url);
/// A product photo with what it shows, for readers who cannot see it (null: the page says "photo n of m").
public sealed record ProductPhotoView(StoredImageView Image, string? AltText);

public sealed record ProductDetailView(
    string Slug,
    string Name,
    string DescriptionHtml,
    string DescriptionText,
    long PriceMin,
    long? PriceMax,
    string? Unit,
    int MinOrder,
    string CategorySlug,
    IReadOnlyList<ProductPhotoView> Photos,
    MakerCard Maker,
    IReadOnlyList<CertificationView> Certifications,
    IReadOnlyList<MarketplaceView> Marketplaces,
    IReadOnlyList<Breadcrumb> Breadcrumbs,
    IReadOnlyList<ProductCard> Related,
    bool IsPdn);

public sealed class ProductDetailQuery(AppDbContext db, TimeProvider clock, MarkdownRenderer markdown, CatalogueCache cache)
{
    /// Kept a minute per instance and dropped on every instance when the catalogue changes (the
    /// same eviction as the output cache), so a burst of readers on one product costs one read.
    public Task<ProductDetailView?> RunAsync(string slug, bool english, CancellationToken cancellationToken)
    {
        var today = Wib.Today(clock);
        return cache.GetOrLoadAsync($"product:{slug}|{english}|{today:O}", () => LoadAsync(slug, english, today, cancellationToken));
    }

    private async Task<ProductDetailView?> LoadAsync(string slug, bool english, DateOnly today, CancellationToken cancellationToken)
    {
        var product = await ProductCard.Visible(db.Products.AsNoTracking())
            .Where(p => p.Slug == slug)
            .Select(p => new
            {
                p.Id,
                p.Slug,
                p.Name,
                p.Description,
                p.DescriptionHtml,
                p.DescriptionText,
                p.PriceMin,
                p.PriceMax,
                p.Unit,
                p.MinOrder,
                p.CategoryId,
                CategorySlug = p.Category!.Slug,
                CategoryName = english ? p.Category.NameEn : p.Category.Name,
                ParentSlug = p.Category.Parent == null ? null : p.Category.Parent.Slug,
                ParentName = p.Category.Parent == null ? null : english ? p.Category.Parent.NameEn : p.Category.Parent.Name,
                Photos = p.Images.OrderBy(i => i.SortOrder).ThenBy(i => i.Id)
                    .Select(i => new ProductPhotoView(new StoredImageView(i.Image!.Id, i.Image.Width, i.Image.Height, i.Image.Widths, i.Image.ShareWidth), i.AltText))
                    .ToList(),
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
            // One round trip: a product has a handful of certificates, links and photos, so the
            // joined rows stay few.
            .AsSingleQuery()
            .FirstOrDefaultAsync(cancellationToken);
        if (product is null)
        {
            return null;
        }

        var related = await ProductCard.Visible(db.Products.AsNoTracking())
            .Where(p => p.CategoryId == product.CategoryId && p.Id != product.Id)
            // The order of ix_products_category_id_published_at_id: the newest four are its first
            // four entries, with no sort of the category's products.
            .OrderByDescending(p => p.PublishedAt).ThenByDescending(p => p.Id)
            .Take(4)
            .Select(ProductCard.Projection(today, english))
            .ToListAsync(cancellationToken);

        var certifications = product.Certifications
            .Select(c => new CertificationView(c.Kind, c.Number, c.IssuedOn, c.ExpiresOn, c.TkdnPercent, c.BmpPercent, c.ExpiresOn is null || c.ExpiresOn >= today))
            .ToList();
        var breadcrumbs = new List<Breadcrumb> { new(english ? "Products" : "Produk", "/produk") };
        if (product.ParentSlug is not null)
        {
            breadcrumbs.Add(new(product.ParentName!, $"/produk?kategori={product.ParentSlug}"));
        }
        breadcrumbs.Add(new(product.CategoryName, $"/produk?kategori={product.CategorySlug}"));

        return new ProductDetailView(
            product.Slug,
            product.Name,
            // Rendered when saved; rows saved before that column existed are rendered here.
            product.DescriptionHtml ?? markdown.ToSafeHtml(product.Description),
            product.DescriptionText ?? markdown.ToPlainText(product.Description),
            product.PriceMin,
            product.PriceMax,
            product.Unit,
            product.MinOrder,
            product.CategorySlug,
            product.Photos,
            product.Maker,
            certifications,
            product.Marketplaces,
            breadcrumbs,
            related,
            product.Certifications.Any(c => Certification.QualifiesForPdn(c.Kind, c.TkdnPercent, c.BmpPercent, c.ExpiresOn, today)));
    }
}
