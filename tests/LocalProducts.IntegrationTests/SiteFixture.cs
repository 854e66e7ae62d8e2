using AngleSharp;
using AngleSharp.Html.Dom;
using LocalProducts.Tests;
using LocalProducts.Web.Data;
using Microsoft.Extensions.DependencyInjection;

namespace LocalProducts.IntegrationTests;

/// One site and one database for the whole run: migrations and seeds are applied once, at start.
public sealed class SiteFixture : IAsyncLifetime
{
    private TestDatabase? _database;

    public MelokalFactory Factory { get; private set; } = null!;
    public TestDatabase Database => _database!;

    public Task InitializeAsync()
    {
        _database = TestDatabase.Start("integration");
        Factory = new MelokalFactory(_database.ConnectionString);
        // Starting the host runs Program: migrations and seeds.
        using var client = Factory.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        _database?.Dispose();
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

[CollectionDefinition(Name)]
public sealed class SiteTestGroup : ICollectionFixture<SiteFixture>
{
    public const string Name = "site";
}
