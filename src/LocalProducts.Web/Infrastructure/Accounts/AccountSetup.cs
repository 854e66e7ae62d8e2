using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure.Authorization;
using LocalProducts.Web.Pages.Account;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace LocalProducts.Web.Infrastructure.Accounts;

/// Accounts: ASP.NET Core Identity on PostgreSQL, its cookies, tokens and messages.
internal static class AccountSetup
{
    public static readonly TimeSpan ConfirmationLinkLifetime = TimeSpan.FromDays(3);
    public static readonly TimeSpan ResetLinkLifetime = TimeSpan.FromHours(2);
    public const int MinimumPasswordLength = 10;

    public static void AddSiteAccounts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var secure = SiteSecurity.CookieSecurePolicy(builder.Environment);

        services.AddIdentity<AppUser, IdentityRole<Guid>>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedEmail = true;
                // Length, variety and a refusal of guessable passwords (WeakPasswordValidator), not
                // composition rules: those give "Password1!" (NIST SP 800-63B).
                options.Password.RequiredLength = MinimumPasswordLength;
                options.Password.RequiredUniqueChars = 5;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Tokens.EmailConfirmationTokenProvider = EmailConfirmationTokenProvider.ProviderName;
                // Each authenticator code signs in once (SingleUseAuthenticatorTokenProvider).
                options.Tokens.AuthenticatorTokenProvider = SingleUseAuthenticatorTokenProvider.ProviderName;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<EmailConfirmationTokenProvider>(EmailConfirmationTokenProvider.ProviderName)
            .AddTokenProvider<SingleUseAuthenticatorTokenProvider>(SingleUseAuthenticatorTokenProvider.ProviderName)
            .AddPasswordValidator<WeakPasswordValidator>()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>();
        services.Configure<DataProtectionTokenProviderOptions>(options => options.TokenLifespan = ResetLinkLifetime);
        // Every request of a signed-in person checks the account's security stamp: a password
        // change or reset, a lock or a role taken away ends their other sessions at once. Few
        // readers sign in (shoppers need no account), so the extra queries are cheap.
        services.Configure<SecurityStampValidatorOptions>(options =>
            options.ValidationInterval = builder.Configuration.GetValue("Accounts:SessionCheckInterval", TimeSpan.Zero));

        services.AddSingleton(provider => new Sessions.Lifetime(
            provider.GetRequiredService<IConfiguration>().GetValue("Accounts:SessionAbsoluteLifetime", Sessions.DefaultAbsoluteLifetime)));
        services.AddHostedService<EndedSessionCleanup>();
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/akun/masuk";
            options.LogoutPath = "/akun/keluar";
            options.AccessDeniedPath = "/galat/403";
            options.ReturnUrlParameter = "kembali";
            // Eight hours without a request end a session, and twelve from sign-in end it however
            // busy it is (Sessions), as does logging out, on every copy of the cookie.
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            Sessions.Configure(options);
            options.Cookie.Name = "melokal.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = secure;
            // Signed in but not allowed: answer 403 on the page asked for (the status code page
            // explains), not a redirect that hides the status.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        // The second log-in step and "remember this device" are only ever read by this site's own
        // pages after a same-site navigation: Strict.
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, options =>
        {
            options.Cookie.Name = "melokal.2fa";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = secure;
        });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorRememberMeScheme, options =>
        {
            options.Cookie.Name = "melokal.2fa-ingat";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = secure;
        });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.ExternalScheme, options =>
        {
            options.Cookie.Name = "melokal.external";
            options.Cookie.SecurePolicy = secure;
        });

        services.AddScoped<AccountEmails>();
        services.AddScoped<UnknownAccountLogIns>();
        services.AddScoped<TwoFactorEnrolmentLinks>();
        services.AddSingleton<IAuthorizationHandler, TwoFactorRequirementHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, TwoFactorSetupRedirect>();
    }
}
