using LocalProducts.Tests;
using LocalProducts.Web.Data;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Events;

namespace LocalProducts.IntegrationTests.Infrastructure.Requests;

/// A client that leaves in the middle of a request (wrk stopping, a phone losing signal) is not an
/// error: one line at Information says the request was cancelled, with no stack trace and no 500.
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes the site through IAsyncLifetime.DisposeAsync.")]
public sealed class AbandonedRequestTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private FaultSite _site = null!;
    private StallingReads _stall = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CopyOfTemplateAsync();
        _site = new FaultSite(_database.ConnectionString, services =>
        {
            services.AddHttpContextAccessor();
            services.AddSingleton<StallingReads>();
            services.ConfigureDbContext<AppDbContext>((provider, options) => options.AddInterceptors(provider.GetRequiredService<StallingReads>()));
        });
        _site.CreateClient().Dispose();
        _stall = _site.Services.GetRequiredService<StallingReads>();
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Get_PageTheClientAbandons_IsLoggedOnceAsCancelledNotAsAnError()
    {
        using var client = _site.CreateClient();
        using var leave = new CancellationTokenSource();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add(StallingReads.Header, "1");

        var sent = client.SendAsync(request, leave.Token);
        await _stall.Holding.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await leave.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sent);

        var cancelled = await _site.Logs.WaitForAsync("cancelled by the client", TimeSpan.FromSeconds(10));
        var line = Assert.Single(cancelled);
        Assert.Equal(LogEventLevel.Information, line.Level);
        Assert.Null(line.Exception);
        Assert.Equal("\"/\"", line.Properties["RequestPath"].ToString());
        Assert.Equal("\"GET\"", line.Properties["RequestMethod"].ToString());
        // Give the request log and the exception handler the time to write, had they anything to say.
        await Task.Delay(500);
        Assert.DoesNotContain(_site.Logs.Events, e => e.Level >= LogEventLevel.Error);
        Assert.DoesNotContain(_site.Logs.Events, e => e.Exception is not null);
        Assert.DoesNotContain(_site.Logs.Events, e => e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("responded 500", StringComparison.Ordinal));
    }
}
