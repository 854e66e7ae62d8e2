using System.Globalization;
using System.Text;
using System.Xml;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Discovery;

/// /robots.txt and the sitemaps: an index at /sitemap.xml pointing to pages of at most
/// <see cref="UrlsPerSitemap"/> addresses, so a catalogue of a million products stays within the
/// protocol's limit of 50,000 per file.
public static class SitemapEndpoints
{
    public const int UrlsPerSitemap = 10_000;
    /// Page numbers are checked by the route (404 outside): at or below 0 the offset was negative,
    /// and past a billion addresses it overflowed; either way PostgreSQL refused it with a 500.
    private const string PageNumber = "{page:int:range(1,100000)}";
    private const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public static void MapDiscovery(this IEndpointRouteBuilder app)
    {
        app.MapGet("/robots.txt", (HttpContext context) => Results.Text(
            RobotsTxt.Build(SiteText.AbsoluteUrl(context, "/sitemap.xml")), "text/plain", Encoding.UTF8))
            .CacheOutput(SiteSetup.CatalogueCachePolicy);

        app.MapGet("/sitemap.xml", async (HttpContext context, AppDbContext db, CancellationToken cancellationToken) =>
        {
            var products = await db.Products.CountAsync(p => p.State == ProductState.Published, cancellationToken);
            var ikms = await db.Ikms.CountAsync(i => i.Verification == VerificationState.Verified, cancellationToken);
            var files = new List<string> { "/sitemap/halaman.xml" };
            files.AddRange(Enumerable.Range(1, Pages(products)).Select(n => $"/sitemap/produk-{n}.xml"));
            files.AddRange(Enumerable.Range(1, Pages(ikms)).Select(n => $"/sitemap/ikm-{n}.xml"));
            return Xml(writer =>
            {
                writer.WriteStartElement("sitemapindex", Namespace);
                foreach (var file in files)
                {
                    writer.WriteStartElement("sitemap");
                    writer.WriteElementString("loc", SiteText.AbsoluteUrl(context, file));
                    writer.WriteEndElement();
                }
                writer.WriteEndElement();
            });
        }).CacheOutput(SiteSetup.CatalogueCachePolicy);

        app.MapGet("/sitemap/produk-" + PageNumber + ".xml", async (int page, HttpContext context, AppDbContext db, CancellationToken cancellationToken) =>
        {
            var urls = await db.Products.AsNoTracking().Where(p => p.State == ProductState.Published)
                .OrderBy(p => p.Id).Skip((page - 1) * UrlsPerSitemap).Take(UrlsPerSitemap)
                .Select(p => new SitemapUrl("/produk/" + p.Slug, p.UpdatedAt))
                .ToListAsync(cancellationToken);
            return urls.Count == 0 && page > 1 ? Results.NotFound() : UrlSet(context, urls);
        }).CacheOutput(SiteSetup.CatalogueCachePolicy);

        app.MapGet("/sitemap/ikm-" + PageNumber + ".xml", async (int page, HttpContext context, AppDbContext db, CancellationToken cancellationToken) =>
        {
            var urls = await db.Ikms.AsNoTracking().Where(i => i.Verification == VerificationState.Verified)
                .OrderBy(i => i.Id).Skip((page - 1) * UrlsPerSitemap).Take(UrlsPerSitemap)
                .Select(i => new SitemapUrl("/ikm/" + i.Slug, i.UpdatedAt))
                .ToListAsync(cancellationToken);
            return urls.Count == 0 && page > 1 ? Results.NotFound() : UrlSet(context, urls);
        }).CacheOutput(SiteSetup.CatalogueCachePolicy);

        app.MapGet("/sitemap/halaman.xml", async (HttpContext context, AppDbContext db, CancellationToken cancellationToken) =>
        {
            var urls = new List<SitemapUrl> { new("/", null), new("/produk", null), new("/ikm", null), new("/kampanye", null), new("/berita", null),
                new("/tentang", null), new("/kontak", null), new("/privasi", null), new("/syarat", null) };
            urls.AddRange(await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder)
                .Select(c => new SitemapUrl("/produk?kategori=" + c.Slug, null)).ToListAsync(cancellationToken));
            // Province pages (the indexable ones, see CatalogueCrawlRule) where there is something to find.
            var productProvinces = await db.Provinces.AsNoTracking().OrderBy(p => p.Code)
                .Where(p => db.Products.Any(x => x.State == ProductState.Published && x.Ikm!.ProvinceCode == p.Code))
                .Select(p => p.Name).ToListAsync(cancellationToken);
            urls.AddRange(productProvinces.Select(name => new SitemapUrl("/produk?provinsi=" + Slug.From(name), null)));
            var makerProvinces = await db.Provinces.AsNoTracking().OrderBy(p => p.Code)
                .Where(p => db.Ikms.Any(i => i.Verification == VerificationState.Verified && i.ProvinceCode == p.Code))
                .Select(p => p.Name).ToListAsync(cancellationToken);
            urls.AddRange(makerProvinces.Select(name => new SitemapUrl("/ikm?provinsi=" + Slug.From(name), null)));
            // Published events, coming and past (both stay worth finding); not drafts or cancelled ones.
            urls.Add(new("/acara", null));
            urls.AddRange(await db.Events.AsNoTracking().Where(e => e.State == EventState.Published).OrderBy(e => e.StartsAt).ThenBy(e => e.Id)
                .Select(e => new SitemapUrl("/acara/" + e.Slug, e.UpdatedAt)).ToListAsync(cancellationToken));
            urls.AddRange(await db.Campaigns.AsNoTracking().OrderBy(c => c.Id)
                .Select(c => new SitemapUrl("/kampanye/" + c.Slug, c.UpdatedAt)).ToListAsync(cancellationToken));
            urls.AddRange(await db.Posts.AsNoTracking().Where(p => p.State == PostState.Published).OrderBy(p => p.Id)
                .Select(p => new SitemapUrl("/berita/" + p.Slug, p.UpdatedAt)).ToListAsync(cancellationToken));
            return UrlSet(context, urls);
        }).CacheOutput(SiteSetup.CatalogueCachePolicy);
    }

    private sealed record SitemapUrl(string Path, DateTimeOffset? LastModified);

    private static int Pages(int count) => Math.Max(1, (int)Math.Ceiling(count / (double)UrlsPerSitemap));

    private static IResult UrlSet(HttpContext context, IEnumerable<SitemapUrl> urls) => Xml(writer =>
    {
        writer.WriteStartElement("urlset", Namespace);
        foreach (var url in urls)
        {
            writer.WriteStartElement("url");
            writer.WriteElementString("loc", SiteText.AbsoluteUrl(context, url.Path));
            if (url.LastModified is { } modified)
            {
                writer.WriteElementString("lastmod", modified.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
    });

    private static IResult Xml(Action<XmlWriter> write)
    {
        var buffer = new StringBuilder();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = Encoding.UTF8, Indent = false }))
        {
            writer.WriteStartDocument();
            write(writer);
            writer.WriteEndDocument();
        }
        // StringBuilder output claims utf-16; the response is UTF-8.
        return Results.Text(buffer.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal), "application/xml", Encoding.UTF8);
    }
}
