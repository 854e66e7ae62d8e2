using System.Linq.Expressions;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure.Images;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Products;

/// What a product tile shows, read straight from the database in one projection.
public sealed record ProductCard(
    int Id,
    string Slug,
    string Name,
    string IkmName,
    string RegencyName,
    string ProvinceName,
    string CategorySlug,
    string CategoryName,
    long PriceMin,
    long? PriceMax,
    StoredImageView? Photo,
    bool IsPdn,
    bool IsHalal = false,
    bool IsTkdn = false)
{
    public static IQueryable<Product> Visible(IQueryable<Product> products) =>
        products.Where(p => p.State == ProductState.Published);

    public static Expression<Func<Product, ProductCard>> Projection(DateOnly today, bool english) => p => new ProductCard(
        p.Id,
        p.Slug,
        p.Name,
        p.Ikm!.Name,
        p.Ikm.Regency!.Name,
        p.Ikm.Province!.Name,
        p.Category!.Slug,
        english ? p.Category.NameEn : p.Category.Name,
        p.PriceMin,
        p.PriceMax,
        // The first photo; none shows the category's drawing. One small subquery per column: a
        // subquery of the whole photo becomes a window over every product's photos, which
        // PostgreSQL cannot narrow to the products on the page.
        p.Images.Any()
            ? new StoredImageView(
                p.Images.OrderBy(i => i.SortOrder).ThenBy(i => i.Id).Select(i => i.Image!.Id).First(),
                p.Images.OrderBy(i => i.SortOrder).ThenBy(i => i.Id).Select(i => i.Image!.Width).First(),
                p.Images.OrderBy(i => i.SortOrder).ThenBy(i => i.Id).Select(i => i.Image!.Height).First(),
                p.Images.OrderBy(i => i.SortOrder).ThenBy(i => i.Id).Select(i => i.Image!.Widths).First(),
                p.Images.OrderBy(i => i.SortOrder).ThenBy(i => i.Id).Select(i => i.Image!.ShareWidth).First())
            : null,
        // Kept by the database from the certificates (see ProductSearchColumns).
        EF.Property<DateOnly?>(p, ProductSearchColumns.PdnValidUntil) >= today,
        EF.Property<DateOnly?>(p, ProductSearchColumns.HalalValidUntil) >= today,
        EF.Property<DateOnly?>(p, ProductSearchColumns.TkdnValidUntil) >= today);
}
