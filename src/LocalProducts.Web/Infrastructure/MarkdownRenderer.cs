using Ganss.Xss;
using LocalProducts.Web.Infrastructure.Images;
using Markdig;

namespace LocalProducts.Web.Infrastructure;

/// Markdown written by owners and staff, turned into HTML that is safe to show: no script, no
/// event handlers, no javascript: links, links that leave the site nofollow, images only from the
/// site's media store.
public sealed class MarkdownRenderer
{
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UsePipeTables()
        .UseListExtras()
        .DisableHtml()
        .Build();

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    public string ToSafeHtml(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : _sanitizer.Sanitize(Markdown.ToHtml(markdown, _pipeline));

    /// Plain text for leads, meta descriptions and cards.
    public string ToPlainText(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : Markdown.ToPlainText(markdown, _pipeline).Trim();

    /// A path or fragment on this site: "/produk", "#bagian", not "//host", "/\\host" or "https:…".
    private static bool IsOnSite(string? href)
    {
        var address = new string((href ?? "").Where(c => c is not ('\t' or '\n' or '\r')).ToArray()).Trim();
        return address.StartsWith('#')
            || (address.StartsWith('/') && !(address.Length > 1 && address[1] is '/' or '\\'));
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "br", "strong", "em", "b", "i", "del", "ul", "ol", "li", "blockquote", "code", "pre",
                "h2", "h3", "h4", "a", "img", "table", "thead", "tbody", "tr", "th", "td", "hr",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src", "alt", "title" },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src" },
        };
        var sanitizer = new HtmlSanitizer(options);
        sanitizer.FilterUrl += (_, e) =>
        {
            // Images only from the site's uploads: an image from another page of the site
            // (/keluar/…, /bahasa?ke=en) would count a click or switch the language on every view.
            if (e.Tag.TagName.Equals("IMG", StringComparison.OrdinalIgnoreCase) && !MediaUrls.IsMediaPath(e.OriginalUrl))
            {
                e.SanitizedUrl = null;
            }
        };
        sanitizer.PostProcessNode += (_, e) =>
        {
            // Every link that leaves the site is nofollow, "//host" and "/\host" included: judged
            // on the written address, as browsers read it (tabs and line breaks dropped).
            if (e.Node is AngleSharp.Html.Dom.IHtmlAnchorElement anchor && !IsOnSite(anchor.GetAttribute("href")))
            {
                anchor.SetAttribute("rel", "nofollow noopener");
            }
        };
        return sanitizer;
    }
}
