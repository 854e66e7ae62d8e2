using System.Text.Json;
using System.Text.Json.Serialization;

namespace LocalProducts.Web.Data.Seeding;

/// The shapes of the JSON files in seeds/ (documented in seeds/README.md).
internal static class SeedFiles
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static T Read<T>(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<T>(stream, Json)
            ?? throw new InvalidDataException($"Seed file {path} is empty.");
    }
}

internal sealed record CategorySeed(string Slug, string Name, string NameEn, IReadOnlyList<CategorySeed>? Children);

internal sealed record IkmSeed(
    string Slug,
    string Name,
    string Nib,
    string Scale,
    string? Kbli,
    string ProvinceCode,
    string RegencyCode,
    string? DistrictCode,
    string? Address,
    string? Sentra,
    int? FoundedYear,
    string? Story,
    string? WhatsApp,
    string? Email,
    string? Website,
    string Verification,
    IReadOnlyList<ProductSeed> Products);

internal sealed record ProductSeed(
    string Slug,
    string Name,
    string Category,
    string? Description,
    long PriceMin,
    long? PriceMax,
    string? Unit,
    int? MinOrder,
    DateOnly? PublishedOn,
    IReadOnlyList<CertificationSeed>? Certifications,
    IReadOnlyList<MarketplaceLinkSeed>? Marketplaces);

internal sealed record CertificationSeed(
    string Kind,
    string Number,
    decimal? Percentage,
    decimal? Bmp,
    DateOnly? IssuedOn,
    DateOnly? ExpiresOn);

internal sealed record MarketplaceLinkSeed(string Platform, string Url);

internal sealed record CampaignSeed(
    string Slug,
    string Name,
    string Hashtag,
    string? Tagline,
    string? Description,
    DateOnly StartsOn,
    DateOnly? EndsOn,
    string? BannerCredit,
    IReadOnlyList<string>? FeaturedCategories,
    string? EnglishName = null,
    string? EnglishTagline = null);

internal sealed record PostSeed(
    string Slug,
    string Title,
    string? Lead,
    string Body,
    string? DatelineCity,
    DateTimeOffset PublishedAt,
    string? Author,
    string? Editor,
    IReadOnlyList<string>? Tags,
    string? Campaign,
    string? HeroCaption,
    string? HeroCredit,
    string? EnglishTitle = null,
    string? EnglishLead = null);

internal sealed record EventSeed(
    string Slug,
    string Title,
    string? Campaign,
    int DaysFromSeeding,
    string StartsAtWib,
    double Hours,
    string? Place,
    string? OnlineUrl,
    int Capacity,
    string? Description);

/// seeds/demo/melokal.json: invented Melokal rounds. Days count from the round's first day (WIB).
internal sealed record MelokalSeed(string Note, IReadOnlyList<RoundSeed> Rounds);

internal sealed record RoundSeed(
    string Campaign,
    string Slug,
    string Title,
    string Event,
    int WindowDays,
    IReadOnlyList<string> Platforms,
    bool ScoreVideoByViews,
    int MinimumPosts,
    string State,
    IReadOnlyList<string> PromotedProducts,
    IReadOnlyList<string> PromotedCategories,
    IReadOnlyList<PrizeSeed> Prizes,
    string Rules,
    IReadOnlyList<FlagResolutionSeed> FlagResolutions,
    IReadOnlyList<EntrySeed> Entries);

internal sealed record PrizeSeed(int Rank, string Description, long ValueRupiah);

internal sealed record FlagResolutionSeed(string Rule, string Influencer, string Decision, string Reason);

internal sealed record EntrySeed(string Name, string City, string Email, string? WhatsApp, IReadOnlyList<HandleSeed> Handles, string Status, IReadOnlyList<RoundPostSeed> Posts);

internal sealed record HandleSeed(string Platform, string Handle, int Followers);

internal sealed record RoundPostSeed(string Platform, string Url, int Day, string Time, string? Product, IReadOnlyList<SnapshotSeed> Snapshots);

internal sealed record SnapshotSeed(int Day, string Time, int? Followers, int? Likes, int? Comments, int? Shares, int? Saves, int? Views);

/// seeds/demo/sales.json: how the demo sales reports are generated (see seeds/README.md). Months
/// are "yyyy-MM".
internal sealed record SalesSpecSeed(
    string Note,
    int Seed,
    string From,
    string ReferenceMonth,
    IReadOnlyDictionary<string, long> Levels,
    IReadOnlyList<double> IkmLevelRange,
    double MonthNoise,
    double DailyNoise,
    IReadOnlyDictionary<string, IReadOnlyList<GrowthSeed>> Growth,
    IReadOnlyDictionary<string, IReadOnlyList<double>> Seasonality,
    PandemicSeed Pandemic,
    CampaignLiftSeed Campaign,
    CoffeeProductsSeed CoffeeProducts,
    IReadOnlyList<string> CategoryLevel,
    IReadOnlyList<DailyReportingSeed> Daily,
    IReadOnlyList<double> Weekdays,
    ChannelMixSeed Channels,
    HeldReportSeed HeldForReview,
    ImpactPlanSeed ImpactPlan);

internal sealed record GrowthSeed(string From, double PerMonth);

internal sealed record PandemicSeed(string Month, string RecoveredBy, IReadOnlyDictionary<string, double> Change);

internal sealed record CampaignLiftSeed(string Month, IReadOnlyDictionary<string, double> Lift, double LiftSpread, IReadOnlyList<double> After);

internal sealed record CoffeeProductsSeed(string Category, double Share, long Price, IReadOnlyList<string> Ikm);

internal sealed record DailyReportingSeed(string Ikm, string? From, string? To, int? LastMonths);

internal sealed record ChannelMixSeed(string StartMonth, string EndMonth, ChannelSharesSeed Start, ChannelSharesSeed End, double Spread);

internal sealed record ChannelSharesSeed(double Offline, double WhatsApp, double Marketplace);

internal sealed record HeldReportSeed(string Ikm, string Product, string Channel, double Factor);

internal sealed record ImpactPlanSeed(
    string Campaign,
    IReadOnlyList<string> Covered,
    IReadOnlyList<string> Control,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    DateOnly BaselineStart,
    DateOnly BaselineEnd,
    int PreCampaignMonths,
    bool Published,
    string? Note);

/// seeds/demo/esmart.json: the invented e-Smart IKM records and demo cohorts (see seeds/README.md).
internal sealed record ESmartSeed(string Note, int Seed, ESmartRecordsSeed Records, IReadOnlyList<ModuleSeed> Modules, IReadOnlyList<CohortSeed> Cohorts);

internal sealed record ESmartRecordsSeed(
    int Registered,
    int TrainedTotal,
    int Curated,
    DateOnly From,
    IReadOnlyDictionary<string, double> Years,
    IReadOnlyList<int> TrainedAfterDays,
    IReadOnlyList<int> CuratedAfterDays,
    double WithoutCategory,
    IReadOnlyDictionary<string, double> Provinces,
    IReadOnlyDictionary<string, double> Categories);

internal sealed record ModuleSeed(string Name, string NameEn);

internal sealed record CohortSeed(
    string Slug,
    string Name,
    string? Description,
    string? ProvinceCode,
    int StartsDaysFromSeeding,
    int Days,
    int Capacity,
    IReadOnlyList<CohortApplicationSeed> Applications);

internal sealed record CohortApplicationSeed(string Ikm, string State, int ModulesDone);
