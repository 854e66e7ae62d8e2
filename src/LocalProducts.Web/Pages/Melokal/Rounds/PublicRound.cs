using LocalProducts.Web.Domain.Melokal;

namespace LocalProducts.Web.Pages.Melokal.Rounds;

/// A round as the public pages list it. Drafts are never public.
public sealed record PublicRound(
    int Id,
    string CampaignSlug,
    string CampaignHashtag,
    string Slug,
    string Title,
    RoundState State,
    DateOnly WindowStartsOn,
    DateOnly WindowEndsOn,
    string? EventTitle,
    string? EventSlug,
    DateTimeOffset? EventStartsAt,
    IReadOnlyList<PublicPrize> Prizes)
{
    public string LeaderboardPath => $"/kampanye/{CampaignSlug}/peringkat/{Slug}";

    /// The sign-up form, open while the round takes sign-ups.
    public string SignUpPath => $"/kampanye/{CampaignSlug}/melokal/{Slug}/daftar";

    public bool TakesSignUps => State == RoundState.OpenForSignUp;
}

public sealed record PublicPrize(int Rank, string Description, long ValueRupiah);
