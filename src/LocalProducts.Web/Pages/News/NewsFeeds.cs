using System.Globalization;
using System.Text;
using System.Xml;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure;
using LocalProducts.Web.Infrastructure.Replica;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.News;

public sealed record FeedItem(int Id, string Slug, string Title, string? Lead, DateTimeOffset PublishedAt, string? Author, string[] Tags);

/// RSS 2.0 feeds of the published posts: `/berita/feed.xml` (all) and `/kampanye/{slug}/feed.xml`
/// (one campaign's). Output-cached and evicted like the pages.
public static class NewsFeeds
{
    public const int Items = 20;
    private const string Atom = "http://www.w3.org/2005/Atom";

    public static void MapNewsFeeds(this IEndpointRouteBuilder app)
    {
        app.MapGet("/berita/feed.xml", async (HttpContext context, [FromKeyedServices(ReplicaSetup.PublicReads)] AppDbContext db, CancellationToken cancellationToken) =>
        {
            var items = await LatestAsync(db.Posts.AsNoTracking().Where(p => p.State == PostState.Published), cancellationToken);
            return Rss(context, "Melokal: Berita", "/berita", "/berita/feed.xml",
                "Berita dan kabar kampanye produk lokal dari Kementerian Perindustrian.", items);
        }).CacheOutput(SiteSetup.CatalogueCachePolicy);

        app.MapGet("/kampanye/{slug}/feed.xml", async (string slug, HttpContext context, [FromKeyedServices(ReplicaSetup.PublicReads)] AppDbContext db, CancellationToken cancellationToken) =>
        {
            var campaign = await db.Campaigns.AsNoTracking().Where(c => c.Slug == slug)
                .Select(c => new { c.Id, c.Slug, c.Hashtag, c.Tagline }).FirstOrDefaultAsync(cancellationToken);
            if (campaign is null)
            {
                var current = await db.CampaignSlugRedirects.AsNoTracking().Where(r => r.Slug == slug)
                    .Join(db.Campaigns, r => r.CampaignId, c => c.Id, (r, c) => c.Slug).FirstOrDefaultAsync(cancellationToken);
                return current is null ? Results.NotFound() : Results.Redirect($"/kampanye/{current}/feed.xml", permanent: true);
            }
            var items = await LatestAsync(db.Posts.AsNoTracking().Where(p => p.State == PostState.Published && p.CampaignId == campaign.Id), cancellationToken);
            return Rss(context, $"Melokal: {campaign.Hashtag}", $"/kampanye/{campaign.Slug}", $"/kampanye/{campaign.Slug}/feed.xml",
                campaign.Tagline ?? campaign.Hashtag, items);
        }).CacheOutput(SiteSetup.CatalogueCachePolicy);
    }

    private static Task<List<FeedItem>> LatestAsync(IQueryable<Post> posts, CancellationToken cancellationToken) =>
        posts.OrderByDescending(p => p.PublishedAt).ThenByDescending(p => p.Id).Take(Items)
            .Select(p => new FeedItem(p.Id, p.Slug, p.Title, p.Lead, p.PublishedAt!.Value, p.Author, p.Tags))
            .ToListAsync(cancellationToken);

    private static IResult Rss(HttpContext context, string title, string path, string selfPath, string description, IReadOnlyList<FeedItem> items) =>
        Results.Text(Write(title, SiteText.AbsoluteUrl(context, path), SiteText.AbsoluteUrl(context, selfPath), description, items,
            slug => SiteText.AbsoluteUrl(context, $"/berita/{slug}")), "application/rss+xml; charset=utf-8", Encoding.UTF8);

    public static string Write(string title, string link, string self, string description, IReadOnlyList<FeedItem> items, Func<string, string> postUrl)
    {
        var output = new Utf8StringWriter();
        using (var xml = XmlWriter.Create(output, new XmlWriterSettings { Indent = true, Async = false }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("rss");
            xml.WriteAttributeString("version", "2.0");
            xml.WriteAttributeString("xmlns", "atom", null, Atom);
            xml.WriteStartElement("channel");
            xml.WriteElementString("title", Clean(title));
            xml.WriteElementString("link", link);
            xml.WriteElementString("description", Clean(description));
            xml.WriteElementString("language", "id");
            xml.WriteStartElement("atom", "link", Atom);
            xml.WriteAttributeString("href", self);
            xml.WriteAttributeString("rel", "self");
            xml.WriteAttributeString("type", "application/rss+xml");
            xml.WriteEndElement();
            if (items.Count > 0)
            {
                xml.WriteElementString("lastBuildDate", Rfc822(items.Max(i => i.PublishedAt)));
            }
            foreach (var item in items)
            {
                xml.WriteStartElement("item");
                xml.WriteElementString("title", Clean(item.Title));
                xml.WriteElementString("link", postUrl(item.Slug));
                if (item.Lead is not null)
                {
                    xml.WriteElementString("description", Clean(item.Lead));
                }
                // The id, not the address: a post keeps its guid when its slug changes.
                xml.WriteStartElement("guid");
                xml.WriteAttributeString("isPermaLink", "false");
                xml.WriteString($"melokal-berita-{item.Id.ToString(CultureInfo.InvariantCulture)}");
                xml.WriteEndElement();
                xml.WriteElementString("pubDate", Rfc822(item.PublishedAt));
                foreach (var tag in item.Tags)
                {
                    xml.WriteElementString("category", Clean(tag));
                }
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        return output.ToString();
    }

    /// RFC 822 dates, in GMT as RSS readers expect.
    private static string Rfc822(DateTimeOffset instant) => instant.UtcDateTime.ToString("r", CultureInfo.InvariantCulture);

    /// Control characters are not allowed in XML at all (not even escaped): drop them. Emoji and
    /// other characters outside the basic plane come as surrogate pairs and stay.
    private static string Clean(string text)
    {
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                clean.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                clean.Append(text, i, 2);
                i++;
            }
        }
        return clean.ToString();
    }

    private sealed class Utf8StringWriter : StringWriter
    {
        public Utf8StringWriter()
            : base(CultureInfo.InvariantCulture)
        {
        }

        public override Encoding Encoding => Encoding.UTF8;
    }
}
