using System.Text.Json;
using System.Text.RegularExpressions;
using LocalProducts.Tests;
using LocalProducts.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LocalProducts.BrowserTests;

/// The real site on Kestrel (a free loopback port) and headless Chromium from Debian, driven by
/// Playwright. No browser is downloaded: a missing Chromium fails the run with the install command.
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes fixtures through IAsyncLifetime.DisposeAsync.")]
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumInstall = "apt-get install -y chromium (as root), or run 'bash tests/run.sh', which installs it";

    private TestDatabase? _database;
    private MelokalFactory? _factory;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public string AxeScript { get; private set; } = "";

    /// The site's services: for tests that trigger a background job's work directly.
    public IServiceProvider Services => _factory!.Services;

    public async Task InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException($"Chromium was not found at {chromium}: {ChromiumInstall}.");
        }
        AxeScript = await File.ReadAllTextAsync(FindAxeCore());

        // The run's one cluster; the site migrates and seeds this database as it starts.
        _database = await TestDatabase.CreateEmptyAsync();
        _factory = new MelokalFactory(_database.ConnectionString);
        // Links in mails must reach this server: its public address is the port it listens on.
        var port = FreeLoopbackPort();
        _factory.Settings["Site:PublicUrl"] = $"http://127.0.0.1:{port}";
        _factory.UseKestrel(port);
        _factory.StartServer();
        BaseUrl = _factory.Settings["Site:PublicUrl"]!;

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    /// The e-mails the site wrote to this address (the development pickup folder), oldest first.
    public IReadOnlyList<string> MailTo(string address) => _factory!.MailTo(address);

    /// A new account in <paramref name="role"/> with an authenticator set up, signed in on the page
    /// through both log-in steps (staff pages refuse accounts without two-factor sign-in).
    public async Task LogInWithAuthenticatorAsync(IPage page, string role)
    {
        const string password = "anyaman pandan dari tasikmalaya";
        var email = $"{role.ToLowerInvariant()}.{Guid.NewGuid():N}@contoh.test";
        string key;
        using (var scope = Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = $"{role} Uji" };
            if (!(await users.CreateAsync(user, password)).Succeeded || !(await users.AddToRoleAsync(user, role)).Succeeded)
            {
                throw new InvalidOperationException($"Could not create a test account in {role}.");
            }
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
            key = (await users.GetAuthenticatorKeyAsync(user))!;
        }
        await page.GotoAsync("/akun/masuk");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Kata sandi", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/akun/masuk/dua-langkah*");
        await page.GetByLabel("Kode verifikasi").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "Verifikasi", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/akun/masuk", StringComparison.Ordinal));
    }

    /// Any address on the site whose path is exactly <paramref name="path"/>, whatever its query:
    /// for <c>Expect(page).ToHaveURLAsync</c>, which otherwise compares the whole address.
    public static Regex PathIs(string path) => new($"^https?://[^/]+{Regex.Escape(path)}(?:[?#].*)?$");

    /// axe-core from the test project's node_modules, found above the test binaries.
    private static string FindAxeCore()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var axe = Path.Combine(folder.FullName, "node_modules", "axe-core", "axe.min.js");
            if (File.Exists(axe))
            {
                return axe;
            }
        }
        throw new InvalidOperationException(
            "axe-core was not found: run 'npm ci' in tests/LocalProducts.BrowserTests (the build does it when npm is installed).");
    }

    /// A phone: small viewport, touch, on the site's Indonesian default.
    public Task<IBrowserContext> NewPhoneAsync() => Browser.NewContextAsync(new BrowserNewContextOptions
    {
        BaseURL = BaseUrl,
        ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        IsMobile = true,
        HasTouch = true,
    });

    /// The axe-core rule sets a page is checked against: WCAG 2.0, 2.1 and 2.2 (A and AA) and
    /// axe's best practices.
    public const string AxeTags = "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']";

    /// Runs axe-core in the page (WCAG 2.2 AA and best practices) and returns the serious and
    /// critical findings, one line each.
    public async Task<IReadOnlyList<string>> SeriousAccessibilityProblemsAsync(IPage page)
    {
        // Evaluated through the DevTools protocol: the site's Content-Security-Policy forbids
        // inline scripts, so a script tag with axe in it would be refused.
        if (!await page.EvaluateAsync<bool>("() => typeof axe !== 'undefined'"))
        {
            await page.EvaluateAsync(AxeScript + "\n;0");
        }
        var json = await page.EvaluateAsync<string>($$"""
            async () => {
                const result = await axe.run(document, { runOnly: { type: 'tag', values: {{AxeTags}} }, resultTypes: ['violations'] });
                return JSON.stringify(result.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', ')}`));
            }
            """);
        return JsonSerializer.Deserialize<List<string>>(json) ?? [];
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserTestGroup : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
