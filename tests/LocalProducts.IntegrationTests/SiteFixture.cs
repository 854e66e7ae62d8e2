using AngleSharp;
using AngleSharp.Html.Dom;
using LocalProducts.Tests;
using LocalProducts.Web.Data;
using Microsoft.Extensions.DependencyInjection;

namespace LocalProducts.IntegrationTests;

/// A site of its own for one test class (IClassFixture), on a copy of the run's template database:
/// it starts with the demo data and nothing another class wrote, so tests can count exactly, and
/// classes run side by side. The database is dropped with the class.
public sealed class SiteFixture : IAsyncLifetime
{
    private TestDatabase? _database;

    public MelokalFactory Factory { get; private set; } = null!;

    /// This class's database: for a second instance of the site on the same data.
    public TestDatabase Database => _database!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CopyOfTemplateAsync();
        Factory = new MelokalFactory(_database.ConnectionString);
        // Starting the host runs Program: migrations and seeds (here there is nothing left to do).
        using var client = Factory.CreateClient();
    }

    public async Task DisposeAsync()
    {
        if (Factory is not null)
        {
            await Factory.DisposeAsync();
        }
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    /// A browser-like client: no automatic redirects, cookies kept. It remembers this site, so
    /// <c>client.LogInAsync(email, password)</c> can pass the two-factor step.
    public HttpClient CreateClient() =>
        Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).ForSite(Factory);

    public AppDbContext CreateDbContext(out IServiceScope scope)
    {
        scope = Factory.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<AppDbContext>();
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        return (IHtmlDocument)await context.OpenAsync(request => request.Content(html).Address(response.RequestMessage!.RequestUri!));
    }
}
