namespace LocalProducts.Web.Domain;

/// A ministry campaign such as #SatuDalamKopi. Owns its posts; later its rounds, events and
/// impact figures.
public sealed class Campaign
{
    private readonly List<Category> _featuredCategories = [];

    public int Id { get; private set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public required string Hashtag { get; set; }
    public string? Tagline { get; set; }
    /// Markdown.
    public string? Description { get; set; }
    public DateOnly StartsOn { get; set; }
    /// Null while the campaign is open-ended.
    public DateOnly? EndsOn { get; set; }
    public string? BannerPath { get; set; }
    public string? BannerCredit { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public uint Version { get; private set; }
    public IReadOnlyList<Category> FeaturedCategories => _featuredCategories;

    public void FeatureCategory(Category category)
    {
        if (!_featuredCategories.Contains(category))
        {
            _featuredCategories.Add(category);
        }
    }

    public CampaignPhase PhaseOn(DateOnly day) =>
        day < StartsOn ? CampaignPhase.Upcoming
        : EndsOn is { } end && day > end ? CampaignPhase.Past
        : CampaignPhase.Running;
}

public enum CampaignPhase
{
    Upcoming = 1,
    Running = 2,
    Past = 3,
}
