using LocalProducts.Tests;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;

namespace LocalProducts.IntegrationTests.Infrastructure.Requests;

/// The real site, with its log captured and, for a test, services added (a fault to inject).
public sealed class FaultSite(string connectionString, Action<IServiceCollection>? testServices = null) : MelokalFactory(connectionString)
{
    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<ILogEventSink>(Logs);
            testServices?.Invoke(services);
        });
    }
}
