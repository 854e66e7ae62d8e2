using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Domain.Melokal;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Melokal.SignUp;

public sealed record OpenRoundLink(string Title, string Path);

/// The way from an event to the Melokal round that follows it.
public sealed class EventRoundsQuery(AppDbContext db)
{
    /// The event's rounds open for sign-up, for the "Daftar program Melokal" link on its page.
    public async Task<IReadOnlyList<OpenRoundLink>> OpenForEventAsync(int eventId, CancellationToken cancellationToken)
    {
        var rounds = await db.InfluencerRounds.AsNoTracking()
            .Where(r => r.EventId == eventId && r.State == RoundState.OpenForSignUp)
            .OrderBy(r => r.WindowStartsOn)
            .Select(r => new { r.Title, r.Slug, CampaignSlug = r.Campaign!.Slug })
            .ToListAsync(cancellationToken);
        return [.. rounds.Select(r => new OpenRoundLink(r.Title, RoundSignUpPaths.SignUp(r.CampaignSlug, r.Slug)))];
    }

    /// For a registration as influencer whose e-mail is confirmed: the sign-up of the event's open
    /// round, prefilled with the name and e-mail, carrying the registration id (the sign-up records
    /// it only when the e-mail typed there is the registration's). Null otherwise.
    public async Task<string?> SignUpLinkForRegistrationAsync(int registrationId, CancellationToken cancellationToken)
    {
        var found = await db.EventRegistrations.AsNoTracking()
            .Where(r => r.Id == registrationId && r.Role == RegistrantRole.Influencer && r.EmailConfirmedAt != null)
            .SelectMany(r => db.InfluencerRounds.Where(round => round.EventId == r.EventId && round.State == RoundState.OpenForSignUp)
                .OrderBy(round => round.WindowStartsOn)
                .Select(round => new { r.Name, r.Email, round.Slug, CampaignSlug = round.Campaign!.Slug }))
            .FirstOrDefaultAsync(cancellationToken);
        return found is null
            ? null
            : $"{RoundSignUpPaths.SignUp(found.CampaignSlug, found.Slug)}?nama={Uri.EscapeDataString(found.Name)}&email={Uri.EscapeDataString(found.Email)}&pendaftaran={registrationId}";
    }
}
