using Ganss.Xss;
using Markdig;

namespace LocalProducts.Web.Infrastructure;

/// Markdown written by owners and staff, turned into HTML that is safe to show: no script, no
/// event handlers, no javascript: links, images only from the site itself.
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
            // Images only from the site's own uploads; links anywhere over http(s).
            if (e.Tag.TagName.Equals("IMG", StringComparison.OrdinalIgnoreCase)
                && !(e.OriginalUrl.StartsWith('/') && !e.OriginalUrl.StartsWith("//", StringComparison.Ordinal)))
            {
                e.SanitizedUrl = null;
            }
        };
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Html.Dom.IHtmlAnchorElement anchor && anchor.Href.StartsWith("http", StringComparison.OrdinalIgnoreCase)
                && !anchor.GetAttribute("href")!.StartsWith('/'))
            {
                anchor.SetAttribute("rel", "nofollow noopener");
            }
        };
        return sanitizer;
    }
}
