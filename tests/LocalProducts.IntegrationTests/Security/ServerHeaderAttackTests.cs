using System.Net;
using LocalProducts.Tests;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace LocalProducts.IntegrationTests.Security;

/// The server software is not named to whoever asks. Kestrel adds its header itself, so the site
/// runs on a real Kestrel here, not the in-memory test server.
public sealed class ServerHeaderAttackTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task Get_AnyAnswerOverKestrel_DoesNotNameTheServer()
    {
        await using var factory = new MelokalFactory(site.Database.ConnectionString);
        factory.UseKestrel(0);
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal);
        using var client = new HttpClient { BaseAddress = new Uri(address) };

        foreach (var path in new[] { "/", "/tidak-ada-halaman-ini", "/css/site.css", "/health/live" })
        {
            using var response = await client.GetAsync(path);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{path} answered {(int)response.StatusCode}");
            Assert.False(response.Headers.Contains("Server"), $"{path} sent Server: {string.Join(", ", response.Headers.Server)}");
        }
    }
}
