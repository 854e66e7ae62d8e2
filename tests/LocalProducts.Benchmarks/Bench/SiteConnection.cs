using LocalProducts.Web.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LocalProducts.Benchmarks.Bench;

/// The database access the site has: one NpgsqlDataSource with the connection settings of
/// SiteSetup.AddSiteDatabase, and an AppDbContext per search over it.
internal sealed class SiteConnection : IAsyncDisposable
{
    private SiteConnection(NpgsqlDataSource dataSource)
    {
        DataSource = dataSource;
        Options = (DbContextOptions<AppDbContext>)AppDbContext.Configure(new DbContextOptionsBuilder<AppDbContext>(), dataSource).Options;
    }

    public NpgsqlDataSource DataSource { get; }
    public DbContextOptions<AppDbContext> Options { get; }

    /// configure: extra set-up of the builder (tracing, for the statement breakdown).
    public static SiteConnection Open(string connectionString, Action<NpgsqlDataSourceBuilder>? configure = null)
    {
        var builder = new NpgsqlDataSourceBuilder(SiteSettings(connectionString));
        configure?.Invoke(builder);
        return new SiteConnection(builder.Build());
    }

    /// The site's own settings (AppDbContext.TunedConnectionString); only the application name
    /// differs, so the benchmark's sessions can be told apart.
    public static string SiteSettings(string connectionString) =>
        new NpgsqlConnectionStringBuilder(AppDbContext.TunedConnectionString(connectionString)) { ApplicationName = ApplicationName }.ConnectionString;

    public const string ApplicationName = "melokal-bench";

    public AppDbContext CreateContext() => new(Options);

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
