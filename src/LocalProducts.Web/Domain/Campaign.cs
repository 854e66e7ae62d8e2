using System.Text.RegularExpressions;

namespace LocalProducts.Web.Domain;

/// A ministry campaign such as #SatuDalamKopi. Owns its posts and events; later its rounds and
/// impact figures.
public sealed partial class Campaign
{
    public const int HashtagMaxLength = 100;

    private readonly List<Category> _featuredCategories = [];
    private readonly List<Product> _featuredProducts = [];
    private readonly List<Ikm> _featuredIkms = [];

    public int Id { get; private set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public required string Hashtag { get; set; }
    public string? Tagline { get; set; }
    /// Written by staff for English pages; the Indonesian name and tagline stand in without them.
    public string? EnglishName { get; set; }
    public string? EnglishTagline { get; set; }
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
    /// Chosen by staff: shown first on the campaign page, before products of its categories.
    public IReadOnlyList<Product> FeaturedProducts => _featuredProducts;
    public IReadOnlyList<Ikm> FeaturedIkms => _featuredIkms;

    public void FeatureCategory(Category category)
    {
        if (!_featuredCategories.Contains(category))
        {
            _featuredCategories.Add(category);
        }
    }

    /// Replaces the featured categories, products and makers with the ones given.
    public void SetFeatured(IEnumerable<Category> categories, IEnumerable<Product> products, IEnumerable<Ikm> ikms)
    {
        Replace(_featuredCategories, categories);
        Replace(_featuredProducts, products);
        Replace(_featuredIkms, ikms);
    }

    private static void Replace<T>(List<T> list, IEnumerable<T> items)
    {
        var wanted = items.Distinct().ToList();
        list.RemoveAll(item => !wanted.Contains(item));
        list.AddRange(wanted.Where(item => !list.Contains(item)));
    }

    /// "#SatuDalamKopi": a # and then letters, digits or underscores, as the social networks
    /// read a hashtag (a space or a hyphen would end it there).
    public static bool IsValidHashtag(string? hashtag) =>
        hashtag is { Length: > 1 and <= HashtagMaxLength } && HashtagPattern().IsMatch(hashtag);

    /// An open-ended campaign has no end; one that ends does not end before it starts (a one-day
    /// campaign ends on its first day).
    public static bool AreValidDates(DateOnly startsOn, DateOnly? endsOn) => endsOn is not { } end || end >= startsOn;

    public CampaignPhase PhaseOn(DateOnly day) =>
        day < StartsOn ? CampaignPhase.Upcoming
        : EndsOn is { } end && day > end ? CampaignPhase.Past
        : CampaignPhase.Running;

    [GeneratedRegex(@"^#[\p{L}\p{Nd}_]+$")]
    private static partial Regex HashtagPattern();
}

public enum CampaignPhase
{
    Upcoming = 1,
    Running = 2,
    Past = 3,
}
