using System.Net;
using LocalProducts.IntegrationTests.Pages.Account;
using LocalProducts.Web.Domain;

namespace LocalProducts.IntegrationTests.MultiInstance;

/// Limits and lock-outs are counted in PostgreSQL: spreading the attempts over three instances
/// does not give an attacker three times as many. The client address they count is the real
/// one: nginx's X-Forwarded-For, never a client's own.
[Collection(ClusterTestGroup.Name)]
public sealed class RateLimitsAcrossInstancesTests(ClusterFixture cluster)
{
    [Fact]
    public async Task WrongPasswordsSpreadOverInstances_LockTheAccountOnEveryInstance()
    {
        const string owner = "pemilik.busana@melokal.test";
        // Five wrong passwords, each from another address, to each instance and through nginx.
        var targets = new[] { cluster.Instances[0], cluster.Instances[1], cluster.Instances[2], cluster.Nginx, cluster.Nginx };
        for (var i = 0; i < targets.Length; i++)
        {
            using var attacker = ClusterFixture.Client(targets[i], $"127.0.2.{i + 1}");
            var response = await Accounts.PostLogInAsync(attacker, owner, "salah sandi " + i);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        foreach (var target in cluster.AllTargets)
        {
            using var rightful = ClusterFixture.Client(target, "127.0.2.50");
            var response = await Accounts.PostLogInAsync(rightful, owner, "Pemilik-Busana-2026");
            Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("Akun dikunci sementara", await Accounts.AlertOf(response), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ListingReportsSpreadOverInstances_AreLimitedPerRealAddress_WhateverXForwardedForSays()
    {
        var slugs = await PublishedSlugsAsync(7);
        await AwayFromTheTurnOfTheHourAsync();
        var targets = new[] { cluster.Instances[0], cluster.Instances[1], cluster.Instances[2], cluster.Nginx, cluster.Nginx };
        // Five reports an hour per address: from 127.0.3.1, to every instance directly with a
        // forged X-Forwarded-For each time (not believed: only nginx is), and through nginx.
        for (var i = 0; i < 5; i++)
        {
            using var reporter = ClusterFixture.Client(targets[i], "127.0.3.1");
            var response = await ReportAsync(reporter, slugs[i], forgedAddress: $"203.0.113.{i + 1}");
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Report {i + 1} to {targets[i]} answered {(int)response.StatusCode}");
        }

        foreach (var target in cluster.AllTargets)
        {
            using var reporter = ClusterFixture.Client(target, "127.0.3.1");
            var refused = await ReportAsync(reporter, slugs[5], forgedAddress: "203.0.113.99");
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        }

        // nginx's X-Forwarded-For is believed: another client, through the same nginx, is not
        // limited, though every request reaches the instances from nginx's one address.
        using var neighbour = ClusterFixture.Client(cluster.Nginx, "127.0.3.2");
        Assert.Equal(HttpStatusCode.Redirect, (await ReportAsync(neighbour, slugs[6], forgedAddress: "127.0.3.1")).StatusCode);
    }

    /// The limit counts in windows of an hour aligned to the clock: a test straddling the turn of
    /// the hour would start afresh half-way.
    private static async Task AwayFromTheTurnOfTheHourAsync()
    {
        var now = DateTimeOffset.UtcNow;
        var left = TimeSpan.FromMinutes(60 - now.Minute) - TimeSpan.FromSeconds(now.Second);
        if (left < TimeSpan.FromSeconds(40))
        {
            await Task.Delay(left + TimeSpan.FromSeconds(1));
        }
    }

    private static async Task<HttpResponseMessage> ReportAsync(HttpClient client, string slug, string forgedAddress)
    {
        var form = await client.GetPageAsync($"/produk/{slug}/laporkan");
        client.DefaultRequestHeaders.Remove("X-Forwarded-For");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", forgedAddress);
        return await client.SubmitAsync(form, "main form", new Dictionary<string, string>
        {
            ["Input.Reason"] = nameof(ListingReportReason.FakeCertificate),
            ["Input.Details"] = "Nomor sertifikat tidak ditemukan.",
        });
    }

    private async Task<string[]> PublishedSlugsAsync(int count)
    {
        var slugs = await cluster.ScalarAsync<string>(
            $"SELECT string_agg(slug, ' ' ORDER BY id) FROM (SELECT id, slug FROM products WHERE state = {(int)ProductState.Published} ORDER BY id DESC LIMIT {count}) p");
        return slugs.Split(' ');
    }
}
