using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LocalProducts.Web.Data;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options)
    : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<Province> Provinces => Set<Province>();
    public DbSet<Regency> Regencies => Set<Regency>();
    public DbSet<District> Districts => Set<District>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<Ikm> Ikms => Set<Ikm>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<Certification> Certifications => Set<Certification>();
    public DbSet<MarketplaceLink> MarketplaceLinks => Set<MarketplaceLink>();
    public DbSet<ProductImage> ProductImages => Set<ProductImage>();
    public DbSet<Campaign> Campaigns => Set<Campaign>();
    public DbSet<Post> Posts => Set<Post>();
    public DbSet<SearchStopWord> SearchStopWords => Set<SearchStopWord>();
    public DbSet<SearchProtectedWord> SearchProtectedWords => Set<SearchProtectedWord>();
    public DbSet<ScheduledJobRun> ScheduledJobRuns => Set<ScheduledJobRun>();
    public DbSet<OutboundClickDay> OutboundClicks => Set<OutboundClickDay>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    /// The Data Protection key ring, shared by every instance of the site.
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// The one place that says how the context talks to PostgreSQL: snake_case names everywhere,
    /// the migrations history table included.
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, NpgsqlDataSource dataSource) =>
        options.UseNpgsql(dataSource, npgsql => npgsql.MigrationsHistoryTable("ef_migrations_history")).UseSnakeCaseNamingConvention();

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("ef_migrations_history")).UseSnakeCaseNamingConvention();

    /// Connection settings for a read-heavy site, unless the connection string says otherwise:
    /// statements used twice are prepared on the server (the catalogue runs the same few shapes).
    public static string TunedConnectionString(string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Max Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            settings.MaxAutoPrepare = 64;
            settings.AutoPrepareMinUsages = 2;
        }
        if (!connectionString.Contains("Application Name", StringComparison.OrdinalIgnoreCase))
        {
            settings.ApplicationName = "melokal";
        }
        return settings.ConnectionString;
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Identity names its tables AspNetUsers and so on; keep every table snake_case.
        builder.Entity<AppUser>().ToTable("users");
        builder.Entity<IdentityRole<Guid>>().ToTable("roles");
        builder.Entity<IdentityUserRole<Guid>>().ToTable("user_roles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("role_claims");
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}
