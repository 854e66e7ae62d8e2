using System.Net;
using LocalProducts.Web.Domain;

namespace LocalProducts.IntegrationTests.MultiInstance;

/// Counts written by several instances at once are exact: each is one statement or one row
/// lock in PostgreSQL, never a number an instance keeps.
[Collection(ClusterTestGroup.Name)]
public sealed class CountsAcrossInstancesTests(ClusterFixture cluster)
{
    [Fact]
    public async Task NinetyOutboundClicksSpreadOverInstances_CountNinety()
    {
        var productId = await cluster.ScalarAsync<int>(
            $"SELECT l.product_id FROM marketplace_links l JOIN products p ON p.id = l.product_id WHERE l.platform = {(int)Marketplace.Tokopedia} AND p.state = {(int)ProductState.Published} ORDER BY l.product_id LIMIT 1");
        var slug = await cluster.ScalarAsync<string>("SELECT slug FROM products WHERE id = $1", productId);
        var before = await ClicksAsync(productId);
        var targets = cluster.AllTargets.ToArray();

        // Ninety shoppers (a click counts once per address a day), ten at a time, spread over
        // nginx and the instances; the direct ones come from addresses nginx never forwards.
        for (var batch = 0; batch < 9; batch++)
        {
            await Task.WhenAll(Enumerable.Range(batch * 10, 10).Select(async shopper =>
            {
                using var client = ClusterFixture.Client(targets[shopper % targets.Length], $"127.0.4.{shopper + 1}");
                using var response = await client.GetAsync($"/keluar/{slug}/tokopedia");
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.EndsWith("tokopedia.com", response.Headers.Location!.Host, StringComparison.Ordinal);
            }));
        }

        Assert.Equal(before + 90, await ClicksAsync(productId));
    }

    [Fact]
    public async Task CommentsPostedAtOnceOnEveryInstance_AreAllKept()
    {
        var published = (int)PostState.Published;
        var postId = await cluster.ScalarAsync<int>($"SELECT id FROM posts WHERE state = {published} ORDER BY id LIMIT 1");
        var slug = await cluster.ScalarAsync<string>("SELECT slug FROM posts WHERE id = $1", postId);
        var before = await cluster.ScalarAsync<long>("SELECT count(*) FROM comments WHERE post_id = $1", postId);
        var targets = cluster.AllTargets.ToArray();

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(async reader =>
        {
            using var client = ClusterFixture.Client(targets[reader % targets.Length], $"127.0.5.{reader + 1}");
            var page = await client.GetPageAsync($"/berita/{slug}/komentar");
            return (await client.SubmitAsync(page, "form.form", new Dictionary<string, string>
            {
                ["Input.Name"] = $"Pembaca {reader}",
                ["Input.Text"] = $"Komentar nomor {reader} dari banyak instans.",
            })).StatusCode;
        }));

        Assert.All(responses, status => Assert.Equal(HttpStatusCode.Redirect, status));
        Assert.Equal(before + 12, await cluster.ScalarAsync<long>("SELECT count(*) FROM comments WHERE post_id = $1", postId));
    }

    [Fact]
    public async Task EventSignUpsAtOnceOnEveryInstance_FillThePlacesExactly()
    {
        const int capacity = 5;
        var slug = $"acara-klaster-{Guid.NewGuid():N}"[..24];
        await cluster.ExecuteAsync(
            "INSERT INTO events (slug, title, starts_at, place, capacity, state, created_at, updated_at) VALUES ($1, $2, now() + interval '30 days', 'Bandung', $3, $4, now(), now())",
            slug, "Acara uji klaster", capacity, (int)EventState.Published);
        var targets = cluster.AllTargets.ToArray();

        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(async person =>
        {
            using var client = ClusterFixture.Client(targets[person % targets.Length], $"127.0.6.{person + 1}");
            var page = await client.GetPageAsync($"/acara/{slug}");
            return (await client.SubmitAsync(page, "form.form", new Dictionary<string, string>
            {
                ["Input.Name"] = $"Peserta {person}",
                ["Input.Email"] = $"peserta.{person}.{slug}@contoh.test",
                ["Input.Role"] = "Public",
            })).StatusCode;
        }));

        Assert.All(responses, status => Assert.Equal(HttpStatusCode.Redirect, status));
        const string count = "SELECT count(*) FROM event_registrations r JOIN events e ON e.id = r.event_id WHERE e.slug = $1 AND r.status = $2";
        Assert.Equal(capacity, await cluster.ScalarAsync<long>(count, slug, (int)RegistrationStatus.Held));
        Assert.Equal(16 - capacity, await cluster.ScalarAsync<long>(count, slug, (int)RegistrationStatus.Waitlisted));
    }

    private Task<long> ClicksAsync(int productId) =>
        cluster.ScalarAsync<long>($"SELECT coalesce(sum(clicks), 0) FROM outbound_clicks WHERE product_id = $1 AND platform = {(int)Marketplace.Tokopedia}", productId);
}
