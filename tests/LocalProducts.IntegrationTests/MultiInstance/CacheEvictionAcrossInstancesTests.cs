using System.Diagnostics;
using System.Text.Json;
using LocalProducts.IntegrationTests.Pages.Account;
using LocalProducts.Web.Domain;

namespace LocalProducts.IntegrationTests.MultiInstance;

/// Each instance keeps its own output cache; an edit saved on one evicts the pages on all of
/// them through PostgreSQL's NOTIFY.
[Collection(ClusterTestGroup.Name)]
public sealed class CacheEvictionAcrossInstancesTests(ClusterFixture cluster)
{
    [Fact]
    public async Task OwnersEdit_IsOnEveryInstancesPageAndApi_WithinASecond()
    {
        var (id, slug, name) = await KopiProductAsync();
        var search = "/api/v1/produk?q=" + Uri.EscapeDataString(name);
        // Every instance caches the product page and the API answer as they are now.
        foreach (var instance in cluster.Instances)
        {
            using var reader = ClusterFixture.Client(instance, "127.0.0.21");
            for (var i = 0; i < 2; i++)
            {
                Assert.Contains(name, await reader.GetStringAsync($"/produk/{slug}"), StringComparison.Ordinal);
                Assert.Contains(name, NameInApi(await reader.GetStringAsync(search), slug), StringComparison.Ordinal);
            }
        }

        var newName = $"{name} Edisi {Random.Shared.Next(1000, 9999)}";
        using var owner = ClusterFixture.Client(cluster.Nginx, "127.0.0.22");
        await Accounts.PostLogInAsync(owner, "pemilik.kopi@melokal.test", "Pemilik-Kopi-2026");
        var edit = await owner.GetPageAsync($"/dasbor/produk/{id}/ubah");
        var saved = await owner.SubmitAsync(edit, "main form", new Dictionary<string, string> { ["Input.Name"] = newName });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, saved.StatusCode);
        var clock = Stopwatch.StartNew();

        foreach (var instance in cluster.Instances)
        {
            using var reader = ClusterFixture.Client(instance, "127.0.0.21");
            await UntilAsync(clock, async () => (await reader.GetStringAsync($"/produk/{slug}")).Contains(newName, StringComparison.Ordinal),
                $"{instance}produk/{slug}");
            await UntilAsync(clock, async () => NameInApi(await reader.GetStringAsync(search), slug).Contains(newName, StringComparison.Ordinal),
                $"{instance}{search[1..]}");
        }
    }

    private static async Task UntilAsync(Stopwatch clock, Func<Task<bool>> shows, string what)
    {
        while (!await shows())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"{what} still showed the old name {clock.ElapsedMilliseconds} ms after the save");
            await Task.Delay(25);
        }
    }

    private static string NameInApi(string json, string slug)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("items").EnumerateArray()
            .Where(item => item.GetProperty("slug").GetString() == slug)
            .Select(item => item.GetProperty("name").GetString()!).FirstOrDefault() ?? "";
    }

    private async Task<(int Id, string Slug, string Name)> KopiProductAsync()
    {
        var published = (int)ProductState.Published;
        var id = await cluster.ScalarAsync<int>(
            $"SELECT p.id FROM products p JOIN ikms i ON i.id = p.ikm_id WHERE i.slug = 'batur-sangrai-kintamani' AND p.state = {published} ORDER BY p.id LIMIT 1");
        return (id,
            await cluster.ScalarAsync<string>("SELECT slug FROM products WHERE id = $1", id),
            await cluster.ScalarAsync<string>("SELECT name FROM products WHERE id = $1", id));
    }
}
