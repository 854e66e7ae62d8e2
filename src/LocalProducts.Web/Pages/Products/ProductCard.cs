using System.Linq.Expressions;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
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
    string? ImagePath,
    bool IsPdn)
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
        p.Images.OrderBy(i => i.SortOrder).Select(i => i.Path).FirstOrDefault(),
        // Kept by the database from the certificates (see ProductSearchColumns).
        EF.Property<DateOnly?>(p, ProductSearchColumns.PdnValidUntil) >= today);
}
