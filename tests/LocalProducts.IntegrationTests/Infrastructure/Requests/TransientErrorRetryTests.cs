using System.Net;
using LocalProducts.Tests;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Pages.Products;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Serilog.Events;

namespace LocalProducts.IntegrationTests.Infrastructure.Requests;

/// A connection that breaks in the middle of a request (its answer lost on the way back): a read
/// is run again on a fresh connection and the reader sees the page; a write that may have been
/// committed is not run again, so nothing is stored twice.
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes the site through IAsyncLifetime.DisposeAsync.")]
public sealed class TransientErrorRetryTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private DatabasePassage _passage = null!;
    private FaultSite _site = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CopyOfTemplateAsync();
        _passage = new DatabasePassage(TestCluster.Server.Port);
        var throughPassage = _passage.ConnectionStringFor(_database.ConnectionString);
        _site = new FaultSite(throughPassage, backgroundWork: false);
        _site.CreateClient().Dispose();
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        await _passage.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Get_ProductPage_ConnectionBreaksDuringItsRead_IsReadAgainAndShown()
    {
        var product = await QueryAsync(db => ProductCard.Visible(db.Products).OrderBy(p => p.Id).Select(p => new { p.Slug, p.Name }).FirstAsync());
        using var client = _site.CreateClient();

        _passage.LoseAnswerTo(product.Slug);
        using var response = await client.GetAsync($"/produk/{product.Slug}");

        Assert.True(_passage.AnswerLost);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(WebUtility.HtmlEncode(product.Name), await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(_site.Logs.Events, e => e.MessageTemplate.Text.StartsWith("Database unavailable", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_ProductPage_ItsConnectionRefusedOnce_IsReadAgain_AndTheFailureLoggedAsAWarning_NotAnError()
    {
        var product = await QueryAsync(db => ProductCard.Visible(db.Products).OrderBy(p => p.Id).Skip(1).Select(p => new { p.Slug, p.Name }).FirstAsync());
        using var client = _site.CreateClient();
        // No idle connection left: the page opens a new one, which the database refuses. Npgsql
        // opens a refused connection a second time by itself before it gives up, so two refusals
        // make one failed open for EF Core.
        _site.Services.GetRequiredService<NpgsqlDataSource>().Clear();

        _passage.RefuseNextConnections(2);
        using var response = await client.GetAsync($"/produk/{product.Slug}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(WebUtility.HtmlEncode(product.Name), await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var retried = Assert.Single(_site.Logs.Events, e => e.MessageTemplate.Text.Contains("The read runs again", StringComparison.Ordinal));
        Assert.Equal(LogEventLevel.Warning, retried.Level);
        Assert.Null(retried.Exception);
        Assert.Equal("Microsoft.EntityFrameworkCore.Database.Connection", CapturedLogs.Source(retried));
        Assert.StartsWith("\"An error occurred using the connection", retried.Properties["DatabaseFailure"].ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(_site.Logs.Events, e => e.Level >= LogEventLevel.Error);
    }

    [Fact]
    public async Task Post_Comment_AnswerOfItsInsertLost_IsNotStoredTwice()
    {
        var slug = await QueryAsync(db => db.Posts.Where(p => p.State == PostState.Published).OrderBy(p => p.Id).Select(p => p.Slug).FirstAsync());
        var text = $"Komentar sekali saja {Guid.NewGuid():N}";
        using var reader = _site.CreateClient();
        var page = await reader.GetPageAsync($"/berita/{slug}/komentar");

        _passage.LoseAnswerTo(text);
        using var response = await reader.SubmitAsync(page, "form.form", new Dictionary<string, string> { ["Input.Name"] = "Rina", ["Input.Text"] = text });

        Assert.True(_passage.AnswerLost);
        // The site cannot know whether the comment was saved: it says "sebentar", it does not guess.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        Assert.Equal(1, await QueryAsync(db => db.Comments.CountAsync(c => c.Text == text)));
    }

    [Fact]
    public async Task Get_Outbound_ClickCannotBeCounted_StillSendsTheShopperToTheShop_AndCountsAtMostOnce()
    {
        var slugs = await QueryAsync(db => ProductCard.Visible(db.Products).Where(p => db.MarketplaceLinks.Any(l => l.ProductId == p.Id && l.Platform != Marketplace.WhatsApp))
            .OrderBy(p => p.Id).Select(p => p.Slug).Take(1).ToListAsync());
        using var shopper = _site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var page = await shopper.GetPageAsync($"/produk/{slugs[0]}");
        var outbound = page.QuerySelectorAll("a[href^='/keluar/']").Select(a => a.GetAttribute("href")!).First();
        var productId = await QueryAsync(db => db.Products.Where(p => p.Slug == slugs[0]).Select(p => p.Id).SingleAsync());

        _passage.LoseAnswerTo("INSERT INTO outbound_clicks");
        using var response = await shopper.GetAsync(outbound);

        Assert.True(_passage.AnswerLost);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Single(await _site.Logs.WaitForAsync("not counted", TimeSpan.FromSeconds(5)));
        // The increment reached the database before its answer was lost; it was not sent again.
        Assert.Equal(1, await QueryAsync(db => db.Database
            .SqlQuery<int>($"SELECT coalesce(sum(clicks), 0)::int AS \"Value\" FROM outbound_clicks WHERE product_id = {productId}")
            .SingleAsync()));
    }

    private async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        using var scope = _site.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
