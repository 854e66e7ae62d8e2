using LocalProducts.Web.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace LocalProducts.Web.Pages.Melokal.SignUp;

/// The public sign-up form of a round. Not output-cached: it carries a per-reader token.
public sealed class SignUpModel(
    RoundSignUpQuery query, SignUpForRoundCommand signUp, PostgresRateLimiter limiter, TimeProvider clock, IStringLocalizer<SharedResource> text)
    : PageModel
{
    public RoundSignUpView View { get; private set; } = null!;

    [BindProperty]
    public SignUpForm Input { get; set; } = new();

    [TempData]
    public string? SignedUp { get; set; }

    /// Prefilled from the event's confirmation page: ?nama=…&amp;email=…&amp;pendaftaran=….
    public async Task<IActionResult> OnGetAsync(
        string campaignSlug, string roundSlug, [FromQuery(Name = "nama")] string? name, [FromQuery(Name = "email")] string? email,
        [FromQuery(Name = "pendaftaran")] int? registrationId, CancellationToken cancellationToken)
    {
        if (await query.RunAsync(campaignSlug, roundSlug, cancellationToken) is not { } view)
        {
            return NotFound();
        }
        View = view;
        Input.Name = name?.Trim() ?? "";
        Input.Email = email?.Trim() ?? "";
        Input.EventRegistrationId = registrationId;
        Input.Handles = [.. view.Platforms.Select(p => new HandleInput { Platform = p })];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string campaignSlug, string roundSlug, CancellationToken cancellationToken)
    {
        if (await query.RunAsync(campaignSlug, roundSlug, cancellationToken) is not { } view)
        {
            return NotFound();
        }
        View = view;
        // The form shows one row per platform of the round, whatever was posted.
        Input.Handles = [.. view.Platforms.Select(p => Input.Handles.FirstOrDefault(h => h.Platform == p) ?? new HandleInput { Platform = p })];
        var decision = await limiter.HitAsync(RateLimitBuckets.MelokalSignUp, RateLimitKeys.ForAddress(HttpContext.Connection.RemoteIpAddress), cancellationToken);
        if (!decision.Allowed)
        {
            return RateLimitResponse.Page(this, decision, text, clock);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await signUp.RunAsync(campaignSlug, roundSlug, Input, cancellationToken);
        switch (result.Status)
        {
            case CommandStatus.Saved:
                SignedUp = result.Notice;
                return Redirect(view.SignUpPath);
            case CommandStatus.NotFound:
                return NotFound();
        }
        ModelState.AddResult(result);
        return Page();
    }
}
