using LocalProducts.Web.Domain.Melokal;

namespace LocalProducts.Web.Pages.Admin.Melokal.MetricImports;

/// The rows of a file after checking: the good ones (warnings included, each post and time once)
/// and the problems, of which at most <see cref="MetricImport.MaxProblemsKept"/> are kept.
public sealed class ImportCheck
{
    public required IReadOnlyList<ImportRow> Rows { get; init; }
    public required IReadOnlyList<ImportProblem> Problems { get; init; }
    public int TotalRows { get; init; }
    public int BadRows { get; init; }
    public int WarningRows { get; init; }
}

/// A good row, ready to be written. A null count is one the platform hid.
public sealed record ImportRow(
    int Line,
    int EntryId,
    SocialPlatform Platform,
    string Url,
    string UrlKey,
    DateTimeOffset PostedAt,
    DateTimeOffset TakenAt,
    int? ProductId,
    int? Followers,
    int? Likes,
    int? Comments,
    int? Shares,
    int? Saves,
    int? Views);
