using System.Net;
using LocalProducts.Web.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.HttpOverrides;

namespace LocalProducts.Web.Infrastructure;

/// What every response carries, whatever page sends it: the client's real address and scheme
/// behind the proxy, security headers with a strict Content-Security-Policy, and cookie flags.
internal static class SiteSecurity
{
    public const int HstsMaxAgeSeconds = 365 * 24 * 60 * 60;

    /// Cookies are Secure always outside Development. In Development (and the tests) the site runs
    /// on http://localhost, where a Secure cookie would never come back: Secure only over HTTPS.
    public static CookieSecurePolicy CookieSecurePolicy(IHostEnvironment environment) =>
        environment.IsDevelopment() ? Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest : Microsoft.AspNetCore.Http.CookieSecurePolicy.Always;

    public static void AddSiteSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // Kestrel names itself in a Server header of its own, after the header policies have run.
        builder.WebHost.ConfigureKestrel(options => options.AddServerHeader = false);
        services.Configure<ForwardedHeadersOptions>(options => ConfigureForwardedHeaders(options, builder.Configuration.GetSection("ForwardedHeaders")));
        services.Configure<CookiePolicyOptions>(options =>
        {
            // A floor under every cookie, the site's own and any a library sets.
            options.HttpOnly = HttpOnlyPolicy.Always;
            options.MinimumSameSitePolicy = SameSiteMode.Lax;
            options.Secure = CookieSecurePolicy(builder.Environment);
        });
        var development = builder.Environment.IsDevelopment();
        services.AddSecurityHeaderPolicies().SetDefaultPolicy(policy =>
        {
            policy.AddFrameOptionsDeny()
                .AddContentTypeOptionsNoSniff()
                .AddReferrerPolicyStrictOriginWhenCrossOrigin()
                .AddCrossOriginOpenerPolicy(coop => coop.SameOrigin())
                .RemoveServerHeader()
                .AddContentSecurityPolicy(csp =>
                {
                    // Scripts and styles from files of this site only: no inline script, no inline
                    // style, no eval. JSON-LD blocks are data, not scripts, and are not blocked.
                    csp.AddDefaultSrc().Self();
                    csp.AddScriptSrc().Self();
                    csp.AddStyleSrc().Self();
                    csp.AddImgSrc().Self().Data();
                    csp.AddFontSrc().Self();
                    csp.AddConnectSrc().Self();
                    csp.AddObjectSrc().None();
                    csp.AddBaseUri().Self();
                    // "Pesan lewat WhatsApp" is a form whose answer redirects to wa.me (and on
                    // to api.whatsapp.com): browsers apply form-action to the redirects too.
                    csp.AddFormAction().Self().From("https://wa.me").From("https://api.whatsapp.com");
                    csp.AddFrameAncestors().None();
                })
                .AddPermissionsPolicy(permissions =>
                {
                    permissions.AddAccelerometer().None();
                    permissions.AddCamera().None();
                    permissions.AddGeolocation().None();
                    permissions.AddGyroscope().None();
                    permissions.AddMagnetometer().None();
                    permissions.AddMicrophone().None();
                    permissions.AddPayment().None();
                    permissions.AddUsb().None();
                    permissions.AddDisplayCapture().None();
                    permissions.AddFederatedLearningOfCohortsCalculation().None();
                    permissions.AddWebShare().Self();
                    permissions.AddFullscreen().Self();
                });
            // Only ever sent over HTTPS (the package checks); browsers then refuse plain HTTP for a
            // year. Not in Development: it would stick to localhost.
            if (!development)
            {
                policy.AddStrictTransportSecurityMaxAgeIncludeSubDomains(HstsMaxAgeSeconds);
            }
        });
    }

    /// X-Forwarded-For and X-Forwarded-Proto are believed only from the proxies the settings name,
    /// never from the open internet. Without any, from loopback (ASP.NET Core's default: nginx on
    /// the same machine); once the settings name a proxy, from it alone, so that a process on the
    /// machine that is not nginx cannot choose the address the rate limits count.
    internal static void ConfigureForwardedHeaders(ForwardedHeadersOptions options, IConfiguration settings)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        options.ForwardLimit = settings.GetValue("ForwardLimit", 1);
        if (settings.GetSection("KnownProxies").GetChildren().Any() || settings.GetSection("KnownNetworks").GetChildren().Any())
        {
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
        }
        foreach (var proxy in settings.GetSection("KnownProxies").Get<string[]>() ?? [])
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        }
        foreach (var network in settings.GetSection("KnownNetworks").Get<string[]>() ?? [])
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }
    }

    public static void UseSiteSecurity(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment() && string.IsNullOrWhiteSpace(app.Configuration["Site:PublicUrl"]))
        {
            app.Logger.LogWarning("Site:PublicUrl is not set: links in account e-mails take their host from the request's Host header. "
                + "Set Site:PublicUrl (or AllowedHosts) so a forged Host header cannot point a password-reset link elsewhere");
        }
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        app.UseCookiePolicy();
    }

    public static void AddSiteRateLimits(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<RateLimitOptions>(builder.Configuration.GetSection(RateLimitOptions.Section));
        builder.Services.AddSingleton<PostgresRateLimiter>();
        builder.Services.AddHostedService<RateLimitCleanup>();
    }
}
