using LocalProducts.Tests;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Serilog.Core;

namespace LocalProducts.IntegrationTests.Infrastructure.Requests;

/// The real site, with its log captured and, for a test, services added (a fault to inject).
/// Without <paramref name="backgroundWork"/> the site's own background services (scheduled jobs,
/// the vocabulary refresher, the cache listener …) are left out: a test that refuses the next
/// connection or fills a tiny pool must meet its own request, not a job that woke up meanwhile.
public sealed class FaultSite(string connectionString, Action<IServiceCollection>? testServices = null, bool backgroundWork = true)
    : MelokalFactory(connectionString)
{
    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<ILogEventSink>(Logs);
            if (!backgroundWork)
            {
                var siteAssembly = typeof(Web.Data.AppDbContext).Assembly;
                foreach (var hosted in services.Where(d => d.ServiceType == typeof(IHostedService)
                    && (d.ImplementationType ?? d.ImplementationInstance?.GetType())?.Assembly == siteAssembly).ToList())
                {
                    services.Remove(hosted);
                }
            }
            testServices?.Invoke(services);
        });
    }
}
