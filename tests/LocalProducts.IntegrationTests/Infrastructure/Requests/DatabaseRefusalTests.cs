using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using LocalProducts.Tests;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Serilog.Events;

namespace LocalProducts.IntegrationTests.Infrastructure.Requests;

/// The database is up but refuses the site: a slow query holds every pooled connection, the
/// database takes no more clients (53300), is not accepting connections (57P03) or its disk is full
/// (53100). Readers and writers get the "sebentar" page, 503 with Retry-After, never a 500 or a
/// stack trace; and the site recovers by itself once the database takes it again. How fast the
/// 503 comes is measured by tests/faults/run-faults.sh --pool, not here.
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes the site through IAsyncLifetime.DisposeAsync.")]
public sealed class DatabaseRefusalTests : IAsyncLifetime
{
    private const string Sebentar = "Sebentar ya, situs sedang pulih. Coba lagi dalam beberapa detik.";
    // One of them is the cache eviction's LISTEN, held for good.
    private const int PoolSize = 3;

    private TestDatabase _database = null!;
    private FaultSite _site = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CopyOfTemplateAsync();
        // A tiny pool, and the shortest wait for it, so that holding the pool is quick to show.
        var tinyPool = new NpgsqlConnectionStringBuilder(_database.ConnectionString) { MaxPoolSize = PoolSize }.ConnectionString;
        _site = new FaultSite(tinyPool, backgroundWork: false);
        _site.Settings["Database:ConnectionWaitSeconds"] = "1";
        _site.CreateClient().Dispose();
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Get_WhileASlowQueryHoldsEveryPooledConnection_Answers503Sebentar_AndRecoversWhenItEnds()
    {
        using var client = _site.CreateClient();
        var dataSource = _site.Services.GetRequiredService<NpgsqlDataSource>();
        using var release = new CancellationTokenSource();
        var held = new ConcurrentBag<NpgsqlConnection>();
        var sleeping = new ConcurrentBag<Task>();
        var exhausted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // Takes every connection of the pool, and any that a background job gives back meanwhile.
        var holding = Task.Run(async () =>
        {
            while (!release.IsCancellationRequested)
            {
                try
                {
                    var connection = await dataSource.OpenConnectionAsync(release.Token);
                    held.Add(connection);
                    sleeping.Add(SleepAsync(connection, release.Token));
                }
                catch (NpgsqlException ex) when (ex.InnerException is TimeoutException)
                {
                    exhausted.TrySetResult();
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        });
        await exhausted.Task.WaitAsync(TimeSpan.FromSeconds(30));
        try
        {
            await AssertSebentarAsync(client, "/produk?q=kopi");
            await AssertSebentarAsync(client, "/");
            await AssertProblemAsync(client, "/api/v1/produk?q=kopi");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);
        }
        finally
        {
            await release.CancelAsync();
            await holding;
            await Task.WhenAll(sleeping);
            foreach (var connection in held)
            {
                await connection.DisposeAsync();
            }
        }

        foreach (var page in new[] { "/produk?q=kopi", "/", "/api/v1/produk?q=kopi", "/health/ready" })
        {
            Assert.Equal(HttpStatusCode.OK, await StatusWithinAsync(client, page, TimeSpan.FromSeconds(10)));
        }
        AssertNoErrorLogged();
    }

    [Fact]
    public async Task Get_WhileTheDatabaseTakesNoMoreClients_Answers503Sebentar_AndRecoversWhenItDoes()
    {
        using var client = _site.CreateClient();
        // The site's role is no superuser: the database's own limit refuses it, 53300 "too many
        // connections for database", as a server whose every slot is taken does.
        await TestCluster.ExecuteAsync($"ALTER DATABASE {_database.Name} CONNECTION LIMIT 0");
        try
        {
            _site.Services.GetRequiredService<NpgsqlDataSource>().Clear();

            await AssertSebentarAsync(client, "/produk?q=kopi");
            await AssertProblemAsync(client, "/api/v1/produk?q=kopi");
            Assert.Contains(_site.Logs.Events, e => e.MessageTemplate.Text.StartsWith("Database unavailable", StringComparison.Ordinal)
                && e.Properties["DatabaseError"].ToString().Contains(PostgresErrorCodes.TooManyConnections, StringComparison.Ordinal));
        }
        finally
        {
            await TestCluster.ExecuteAsync($"ALTER DATABASE {_database.Name} CONNECTION LIMIT -1");
        }

        Assert.Equal(HttpStatusCode.OK, await StatusWithinAsync(client, "/produk?q=kopi", TimeSpan.FromSeconds(10)));
        AssertNoErrorLogged();
        // The refused connections of the attempts retried are warnings; the last one's line is the request's.
        Assert.Contains(_site.Logs.Events, e => e.Level == LogEventLevel.Warning && e.MessageTemplate.Text.Contains("The read runs again", StringComparison.Ordinal));
        Assert.DoesNotContain(_site.Logs.Events, e => e.Level >= LogEventLevel.Error && CapturedLogs.Source(e) is { } source
            && (source.StartsWith("Microsoft.", StringComparison.Ordinal) || source.StartsWith("Serilog.", StringComparison.Ordinal)));
    }

    /// PostgreSQL's own error, raised where the comment is written: a full disk refuses the write
    /// (reads go on), a server not accepting connections refuses everything.
    [Theory]
    [InlineData("disk_full", PostgresErrorCodes.DiskFull)]
    [InlineData("cannot_connect_now", PostgresErrorCodes.CannotConnectNow)]
    public async Task Post_Comment_TheDatabaseRefusesTheWrite_Answers503Sebentar_AndTheNextOneIsSaved(string condition, string sqlState)
    {
        var slug = await QueryAsync(db => db.Posts.Where(p => p.State == PostState.Published).OrderBy(p => p.Id).Select(p => p.Slug).FirstAsync());
        using var reader = _site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var page = await reader.GetPageAsync($"/berita/{slug}/komentar");
        await AsOwnerAsync($"""
            CREATE FUNCTION refuse_comments() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'refused for the test' USING ERRCODE = '{condition}'; END $$;
            CREATE TRIGGER refuse_comments BEFORE INSERT ON comments FOR EACH ROW EXECUTE FUNCTION refuse_comments();
            """);
        HttpResponseMessage refused;
        try
        {
            refused = await reader.SubmitAsync(page, "form.form", new Dictionary<string, string> { ["Input.Name"] = "Rina", ["Input.Text"] = "Komentar yang ditolak" });
        }
        finally
        {
            await AsOwnerAsync("DROP TRIGGER refuse_comments ON comments; DROP FUNCTION refuse_comments()");
        }

        var html = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), refused.Headers.RetryAfter?.Delta);
        Assert.Contains(Sebentar, html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
        Assert.Contains(_site.Logs.Events, e => e.MessageTemplate.Text.StartsWith("Database unavailable", StringComparison.Ordinal)
            && e.Properties["DatabaseError"].ToString().Contains(sqlState, StringComparison.Ordinal));

        var saved = await reader.SubmitAsync(await reader.GetPageAsync($"/berita/{slug}/komentar"), "form.form",
            new Dictionary<string, string> { ["Input.Name"] = "Rina", ["Input.Text"] = "Komentar setelah pulih" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(0, await QueryAsync(db => db.Comments.CountAsync(c => c.Text == "Komentar yang ditolak")));
        Assert.Equal(1, await QueryAsync(db => db.Comments.CountAsync(c => c.Text == "Komentar setelah pulih")));
        AssertNoErrorLogged();
    }

    private static async Task SleepAsync(NpgsqlConnection connection, CancellationToken release)
    {
        await using var command = new NpgsqlCommand("SELECT pg_sleep(60)", connection);
        try
        {
            await command.ExecuteNonQueryAsync(release);
        }
        catch (OperationCanceledException)
        {
            // Released: the slow query was cancelled.
        }
    }

    private static async Task AssertSebentarAsync(HttpClient client, string page)
    {
        using var response = await client.GetAsync(page);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{page}: {(int)response.StatusCode}");
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(Sebentar, html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", html, StringComparison.Ordinal);
    }

    private static async Task AssertProblemAsync(HttpClient client, string path)
    {
        using var api = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), api.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await api.Content.ReadAsStringAsync());
        Assert.Equal(Sebentar, problem.RootElement.GetProperty("detail").GetString());
    }

    /// No 500 and no stack trace from the request pipeline or EF Core.
    private void AssertNoErrorLogged()
    {
        Assert.DoesNotContain(_site.Logs.Events, e => e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("responded 500", StringComparison.Ordinal));
        Assert.DoesNotContain(_site.Logs.Events, e => e.Exception is not null && CapturedLogs.Source(e) is { } source
            && (source.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) || source.StartsWith("Serilog.AspNetCore", StringComparison.Ordinal)
                || source.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)));
    }

    private async Task AsOwnerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        using var scope = _site.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// The status the page answers within the time, asking again every 200 ms while it fails.
    private static async Task<HttpStatusCode> StatusWithinAsync(HttpClient client, string page, TimeSpan time)
    {
        var until = DateTime.UtcNow + time;
        while (true)
        {
            using var response = await client.GetAsync(page);
            if (response.StatusCode == HttpStatusCode.OK || DateTime.UtcNow > until)
            {
                return response.StatusCode;
            }
            await Task.Delay(200);
        }
    }
}
