using LocalProducts.Web.Infrastructure;
using LocalProducts.Web.Pages.Ikm;
using LocalProducts.Web.Pages.Products.Search;
using LocalProducts.Web.Pages.Products.Suggestions;

namespace LocalProducts.Web.Pages.Api;

/// Open data: the catalogue search and the makers' directory as JSON, with the same query-string
/// filters as /produk and /ikm, and the search box's suggestions (documented in docs/api.md).
public static class CatalogueApi
{
    public static void MapCatalogueApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").CacheOutput(SiteSetup.CatalogueCachePolicy);

        api.MapGet("/produk", async (HttpContext context, ProductSearch search, CancellationToken cancellationToken) =>
        {
            var result = await search.RunAsync(ProductSearchInput.Parse(context.Request.Query), english: false, cancellationToken);
            return Results.Json(new
            {
                total = result.Total,
                page = result.Page,
                pageCount = result.PageCount,
                pageSize = ProductSearch.PageSize,
                correctedQuery = result.CorrectedQuery,
                notes = result.Notes,
                items = result.Products.Select(p => new
                {
                    slug = p.Slug,
                    name = p.Name,
                    url = SiteText.AbsoluteUrl(context, $"/produk/{p.Slug}"),
                    priceMin = p.PriceMin,
                    priceMax = p.PriceMax,
                    currency = "IDR",
                    category = p.CategorySlug,
                    maker = p.IkmName,
                    regency = p.RegencyName,
                    province = p.ProvinceName,
                    pdn = p.IsPdn,
                    // The first photo's JPEG copy (any client reads JPEG); null without a photo.
                    image = p.Photo is null ? null : SiteText.AbsoluteUrl(context, p.Photo.ShareUrl),
                }),
                facets = new
                {
                    categories = result.Facets.Categories.Select(f => new { key = f.Key, label = f.Label, count = f.Count }),
                    provinces = result.Facets.Provinces.Select(f => new { key = f.Key, label = f.Label, count = f.Count }),
                    regencies = result.Facets.Regencies.Select(f => new { key = f.Key, label = f.Label, count = f.Count }),
                    certifications = result.Facets.Certifications.Select(f => new { key = f.Key, label = f.Label, count = f.Count }),
                    prices = result.Facets.PriceBands.Select(f => new { key = f.Key, count = f.Count }),
                },
            });
        }).WithMetadata(new CacheVaryByQueryAttribute(ProductSearchInput.QueryKeys));

        api.MapGet("/ikm", async (HttpContext context, IkmDirectoryQuery query, CancellationToken cancellationToken) =>
        {
            var view = await query.RunAsync(IkmDirectoryInput.Parse(context.Request.Query), english: false, cancellationToken);
            return Results.Json(new
            {
                total = view.Total,
                page = view.Page,
                pageCount = view.PageCount,
                pageSize = IkmDirectoryQuery.PageSize,
                items = view.Makers.Select(m => new
                {
                    slug = m.Slug,
                    name = m.Name,
                    url = SiteText.AbsoluteUrl(context, $"/ikm/{m.Slug}"),
                    regency = m.RegencyName,
                    province = m.ProvinceName,
                    sentra = m.Sentra,
                    products = m.ProductCount,
                }),
            });
        }).WithMetadata(new CacheVaryByQueryAttribute(IkmDirectoryInput.QueryKeys));

        // Suggestions as the shopper types: an empty list (never an error) for too little or too much.
        api.MapGet("/saran", async (HttpContext context, SuggestionSearch search, CancellationToken cancellationToken) =>
        {
            var items = await search.RunAsync(SuggestionInput.Parse(context.Request.Query["q"].ToString()), SiteText.IsEnglish, cancellationToken);
            return Results.Json(new { items = items.Select(s => new { kind = s.Kind, label = s.Label, url = s.Url }) });
        }).WithMetadata(new CacheVaryByQueryAttribute("q"));
    }
}
