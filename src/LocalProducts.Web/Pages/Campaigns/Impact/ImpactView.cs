using LocalProducts.Web.Domain.Impact;

namespace LocalProducts.Web.Pages.Campaigns.Impact;

public enum ImpactPageState
{
    Ready = 1,
    /// Staff have not set up the campaign's impact.
    NoPlan,
    /// Set up but not published: only staff see the figures.
    NotPublished,
    /// No counted report falls in the plan's dates.
    NoReports,
}

public sealed record ImpactCategory(int Id, string Slug, string Name, string NameEn)
{
    public string LocalName(bool english) => english ? NameEn : Name;
}

/// What the impact page, its CSV files and its metadata show. Result is null unless the figures
/// may be shown (published, or a staff preview) and there are reports.
public sealed record ImpactView(
    string Slug,
    string CampaignName,
    string Hashtag,
    ImpactPageState State,
    ImpactResult? Result,
    IReadOnlyDictionary<int, ImpactCategory> Categories,
    string? Note,
    DateTimeOffset AsOf,
    bool IsPreview)
{
    public ImpactCategory Category(int id) => Categories.GetValueOrDefault(id) ?? new ImpactCategory(id, $"kategori-{id}", $"Kategori {id}", $"Category {id}");
}
