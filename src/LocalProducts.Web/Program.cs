using LocalProducts.Web.Data.Seeding;
using LocalProducts.Web.Infrastructure;
using Serilog;

Log.Logger = new LoggerConfiguration()
    .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture)
    .CreateBootstrapLogger();

try
{
    // Static files and views are found beside the binaries, wherever the site is started from.
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions
    {
        Args = args,
        ContentRootPath = Directory.Exists(Path.Combine(Directory.GetCurrentDirectory(), "wwwroot")) ? null : AppContext.BaseDirectory,
    });
    builder.AddSiteLogging();
    var embeddedPostgres = builder.AddSiteDatabase();
    builder.AddSiteServices();

    var app = builder.Build();
    if (embeddedPostgres is not null)
    {
        app.Lifetime.ApplicationStopped.Register(embeddedPostgres.Stop);
    }
    app.UseSitePipeline();

    using (var scope = app.Services.CreateScope())
    {
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(app.Lifetime.ApplicationStopping);
    }

    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (ex is EmbeddedPostgresUnavailableException or PublicAddressMissingException)
{
    // One clear sentence, not a stack trace: this is a set-up problem, not a bug.
    await Console.Error.WriteLineAsync(ex.Message);
    return 1;
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, "Melokal stopped at start-up");
    return 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}

/// Entry point, visible to WebApplicationFactory in the tests.
public partial class Program;
