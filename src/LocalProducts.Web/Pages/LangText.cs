namespace LocalProducts.Web.Pages;

/// A piece of content staff write in Indonesian (a campaign's name, a post's title), with the
/// English version they may add for English pages: the text to show and its lang attribute. An
/// English page without an English version shows the Indonesian text marked lang="id", so screen
/// readers pronounce it as Indonesian; otherwise the text is in the page's language (no attribute).
public sealed record LangText(string Text, string? Lang)
{
    /// The lang attribute of Indonesian content (product names, post bodies) on the current page:
    /// "id" on English pages, none on Indonesian ones.
    public static string? IndonesianLang => SiteText.IsEnglish ? "id" : null;

    public static LangText Of(string indonesian, string? english, bool englishPage) =>
        englishPage && !string.IsNullOrWhiteSpace(english) ? new(english, null) : new(indonesian, englishPage ? "id" : null);

    /// For optional content (a tagline, a lead): null when neither version is there to show.
    public static LangText? OfOptional(string? indonesian, string? english, bool englishPage) =>
        englishPage && !string.IsNullOrWhiteSpace(english) ? new(english, null)
        : string.IsNullOrWhiteSpace(indonesian) ? null
        : new(indonesian, englishPage ? "id" : null);

    public override string ToString() => Text;
}
