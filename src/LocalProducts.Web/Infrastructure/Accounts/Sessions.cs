using System.Globalization;
using System.Security.Cryptography;
using LocalProducts.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Infrastructure.Accounts;

/// A session ended by logging out. The sign-in cookie carries everything it needs, so without
/// this a copy taken before log-out would go on working until it expired. The row lives as long
/// as the session could have: after that the absolute lifetime refuses the cookie anyway.
public sealed class EndedSession
{
    /// The session's random id, from the cookie's properties.
    public required string Id { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
}

/// Sign-in sessions: each gets a random id and the time it began, kept in the cookie's protected
/// properties (they survive sliding renewals and Identity's re-issues after a password change).
/// Every request is refused once the session is older than the absolute lifetime or was ended by
/// logging out; then Identity's security stamp check runs (a password change or reset, a lock or
/// a role taken away end every session of the account).
public static class Sessions
{
    /// How long a session lasts at most, however active: set from Accounts:SessionAbsoluteLifetime.
    public sealed record Lifetime(TimeSpan Absolute);

    public const string IdItem = "melokal.session";
    public const string SignedInAtItem = "melokal.signed-in-at";

    public static readonly TimeSpan DefaultAbsoluteLifetime = TimeSpan.FromHours(12);

    public static void Configure(CookieAuthenticationOptions options)
    {
        options.Events.OnSigningIn = context =>
        {
            // A refreshed sign-in (password changed, two-factor turned on) keeps its session.
            var items = context.Properties.Items;
            if (!items.ContainsKey(IdItem) || !items.ContainsKey(SignedInAtItem))
            {
                items[IdItem] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
                items[SignedInAtItem] = Clock(context.HttpContext).GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
            }
            return Task.CompletedTask;
        };
        options.Events.OnValidatePrincipal = async context =>
        {
            if (!await IsCurrentAsync(context.HttpContext, context.Properties))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                return;
            }
            await SecurityStampValidator.ValidatePrincipalAsync(context);
        };
    }

    /// Ends the current session for good, wherever its cookie has been copied, then signs out.
    public static async Task EndAsync(HttpContext http, SignInManager<Domain.AppUser> signIn)
    {
        var absoluteLifetime = http.RequestServices.GetRequiredService<Lifetime>().Absolute;
        var current = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (current.Properties is { } properties && properties.Items.TryGetValue(IdItem, out var id) && id is not null
            && SignedInAt(properties) is { } signedInAt)
        {
            var db = http.RequestServices.GetRequiredService<AppDbContext>();
            db.EndedSessions.Add(new EndedSession { Id = id, ExpiresAt = signedInAt + absoluteLifetime });
            try
            {
                await db.SaveChangesAsync(http.RequestAborted);
            }
            catch (DbUpdateException)
            {
                // Ended already, by a log-out from another copy of the cookie.
                db.ChangeTracker.Clear();
            }
        }
        await signIn.SignOutAsync();
    }

    private static async Task<bool> IsCurrentAsync(HttpContext http, AuthenticationProperties properties)
    {
        var absoluteLifetime = http.RequestServices.GetRequiredService<Lifetime>().Absolute;
        // A cookie from before sessions had a start has no known age: sign in again.
        if (SignedInAt(properties) is not { } signedInAt || !properties.Items.TryGetValue(IdItem, out var id) || id is null)
        {
            return false;
        }
        if (Clock(http).GetUtcNow() >= signedInAt + absoluteLifetime)
        {
            return false;
        }
        var db = http.RequestServices.GetRequiredService<AppDbContext>();
        return !await db.EndedSessions.AnyAsync(s => s.Id == id, http.RequestAborted);
    }

    private static DateTimeOffset? SignedInAt(AuthenticationProperties properties) =>
        properties.Items.TryGetValue(SignedInAtItem, out var text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
            ? at
            : null;

    private static TimeProvider Clock(HttpContext http) => http.RequestServices.GetRequiredService<TimeProvider>();
}

/// Deletes ended sessions whose cookies could no longer be used anyway, once across all instances.
public sealed class EndedSessionCleanup(IServiceScopeFactory scopes, TimeProvider clock, ILogger<EndedSessionCleanup> logger)
    : ScheduledJob(scopes, clock, logger)
{
    private readonly TimeProvider _clock = clock;

    protected override string Name => "ended-session-cleanup";
    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override async Task RunAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        await db.EndedSessions.Where(s => s.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
    }
}
