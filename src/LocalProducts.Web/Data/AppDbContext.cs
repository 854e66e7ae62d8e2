using LocalProducts.Web.Domain;
using LocalProducts.Web.Domain.Melokal;
using LocalProducts.Web.Infrastructure;
using LocalProducts.Web.Infrastructure.ClientAddresses;
using LocalProducts.Web.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
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
    public DbSet<StoredImage> StoredImages => Set<StoredImage>();
    public DbSet<StoredImageVariant> StoredImageVariants => Set<StoredImageVariant>();
    public DbSet<Campaign> Campaigns => Set<Campaign>();
    public DbSet<Post> Posts => Set<Post>();
    public DbSet<PostRevision> PostRevisions => Set<PostRevision>();
    public DbSet<PostSlugRedirect> PostSlugRedirects => Set<PostSlugRedirect>();
    public DbSet<PostViewDay> PostViews => Set<PostViewDay>();
    public DbSet<CampaignSlugRedirect> CampaignSlugRedirects => Set<CampaignSlugRedirect>();
    public DbSet<CampaignEvent> Events => Set<CampaignEvent>();
    public DbSet<EventRegistration> EventRegistrations => Set<EventRegistration>();
    public DbSet<Comment> Comments => Set<Comment>();
    public DbSet<SearchStopWord> SearchStopWords => Set<SearchStopWord>();
    public DbSet<SearchProtectedWord> SearchProtectedWords => Set<SearchProtectedWord>();
    public DbSet<Domain.Search.SearchSynonym> SearchSynonyms => Set<Domain.Search.SearchSynonym>();
    public DbSet<ListingReport> ListingReports => Set<ListingReport>();
    public DbSet<Domain.QrCodes.QrCode> QrCodes => Set<Domain.QrCodes.QrCode>();
    public DbSet<Domain.QrCodes.QrScanDay> QrScans => Set<Domain.QrCodes.QrScanDay>();
    public DbSet<Domain.Alternatives.LocalAlternative> LocalAlternatives => Set<Domain.Alternatives.LocalAlternative>();
    public DbSet<OutboxMail> OutboxMails => Set<OutboxMail>();
    public DbSet<ScheduledJobRun> ScheduledJobRuns => Set<ScheduledJobRun>();
    public DbSet<OutboundClickDay> OutboundClicks => Set<OutboundClickDay>();
    public DbSet<InfluencerRound> InfluencerRounds => Set<InfluencerRound>();
    public DbSet<RoundPrize> RoundPrizes => Set<RoundPrize>();
    public DbSet<RoundStateChange> RoundStateChanges => Set<RoundStateChange>();
    public DbSet<Influencer> Influencers => Set<Influencer>();
    public DbSet<RoundEntry> RoundEntries => Set<RoundEntry>();
    public DbSet<EntryHandle> EntryHandles => Set<EntryHandle>();
    public DbSet<InfluencerLink> InfluencerLinks => Set<InfluencerLink>();
    public DbSet<InfluencerLinkClickDay> InfluencerLinkClicks => Set<InfluencerLinkClickDay>();
    public DbSet<RoundPost> RoundPosts => Set<RoundPost>();
    public DbSet<MetricSnapshot> MetricSnapshots => Set<MetricSnapshot>();
    public DbSet<MetricImport> MetricImports => Set<MetricImport>();
    public DbSet<RoundFlag> RoundFlags => Set<RoundFlag>();
    public DbSet<RoundResult> RoundResults => Set<RoundResult>();
    public DbSet<Domain.Impact.SalesReport> SalesReports => Set<Domain.Impact.SalesReport>();
    public DbSet<Domain.Impact.SalesReportRevision> SalesReportRevisions => Set<Domain.Impact.SalesReportRevision>();
    public DbSet<Domain.Impact.SalesImport> SalesImports => Set<Domain.Impact.SalesImport>();
    public DbSet<Domain.Impact.CampaignImpactPlan> CampaignImpactPlans => Set<Domain.Impact.CampaignImpactPlan>();
    public DbSet<Domain.ESmart.ESmartCohort> ESmartCohorts => Set<Domain.ESmart.ESmartCohort>();
    public DbSet<Domain.ESmart.CohortModule> CohortModules => Set<Domain.ESmart.CohortModule>();
    public DbSet<Domain.ESmart.CohortApplication> CohortApplications => Set<Domain.ESmart.CohortApplication>();
    public DbSet<Domain.ESmart.ModuleCompletion> ModuleCompletions => Set<Domain.ESmart.ModuleCompletion>();
    public DbSet<Domain.ESmart.ESmartParticipant> ESmartParticipants => Set<Domain.ESmart.ESmartParticipant>();
    /// Rate-limit counters shared by every instance (PostgresRateLimiter).
    public DbSet<RateLimitWindow> RateLimitWindows => Set<RateLimitWindow>();
    /// Secrets of the site encrypted by the key ring (AddressHasher's key).
    public DbSet<SiteSecret> SiteSecrets => Set<SiteSecret>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    /// Sessions ended by logging out, refused even from a copied cookie (Sessions).
    public DbSet<Infrastructure.Accounts.EndedSession> EndedSessions => Set<Infrastructure.Accounts.EndedSession>();
    /// The Data Protection key ring, shared by every instance of the site.
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// The one place that says how the context talks to PostgreSQL: snake_case names everywhere,
    /// the migrations history table included.
    /// Transient errors are retried only where running the work again is safe (ReadRetryStrategy).
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, NpgsqlDataSource dataSource) =>
        options.UseNpgsql(dataSource, npgsql => npgsql.MigrationsHistoryTable("ef_migrations_history").ExecutionStrategy(d => new ReadRetryStrategy(d)))
            .UseSnakeCaseNamingConvention().AddInterceptors(WriteCommands.Instance);

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("ef_migrations_history").ExecutionStrategy(d => new ReadRetryStrategy(d)))
            .UseSnakeCaseNamingConvention().AddInterceptors(WriteCommands.Instance);

    /// Seconds a request waits for a pooled connection (or for a new one to open) before the
    /// database counts as unavailable, unless the connection string sets <c>Timeout</c>
    /// (Database:ConnectionWaitSeconds). Npgsql's default, 15 s, kept every reader waiting that long
    /// for the 503 whenever a slow query held the whole pool.
    public const int DefaultConnectionWaitSeconds = 3;

    /// Connection settings for a read-heavy site, unless the connection string says otherwise:
    /// statements used twice are prepared on the server (the catalogue runs the same few shapes),
    /// the pool is sized for the database server's cores, and a request does not wait long for
    /// a connection.
    public static string TunedConnectionString(string connectionString, int connectionWaitSeconds = DefaultConnectionWaitSeconds)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        if (!SetsTimeout(connectionString))
        {
            settings.Timeout = connectionWaitSeconds;
        }
        if (!connectionString.Contains("Max Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            settings.MaxAutoPrepare = 64;
            settings.AutoPrepareMinUsages = 2;
        }
        // Two cores run PostgreSQL and the site: more than a few dozen busy backends only queue
        // inside the server. Past the pool, requests wait for a connection instead.
        if (!connectionString.Contains("Maximum Pool Size", StringComparison.OrdinalIgnoreCase)
            && !connectionString.Contains("Max Pool Size", StringComparison.OrdinalIgnoreCase))
        {
            settings.MaxPoolSize = 20;
        }
        if (!connectionString.Contains("Application Name", StringComparison.OrdinalIgnoreCase))
        {
            settings.ApplicationName = "melokal";
        }
        return settings.ConnectionString;
    }

    /// Whether the connection string sets Timeout, under any of the names Npgsql takes for it
    /// ("Command Timeout" is another setting).
    private static bool SetsTimeout(string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        return settings.Remove(nameof(NpgsqlConnectionStringBuilder.Timeout));
    }

    private static readonly MarkdownRenderer _markdown = new();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RenderDescriptions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RenderDescriptions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// A product's description is rendered when it is saved, not each time it is shown.
    private void RenderDescriptions()
    {
        foreach (var entry in ChangeTracker.Entries<Product>())
        {
            if (entry.State == EntityState.Added
                || (entry.State == EntityState.Modified && (entry.Property(p => p.Description).IsModified || entry.Entity.DescriptionHtml is null)))
            {
                entry.Entity.SetRenderedDescription(_markdown.ToSafeHtml(entry.Entity.Description), _markdown.ToPlainText(entry.Entity.Description));
            }
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Identity names its tables AspNetUsers and so on; keep every table snake_case.
        builder.Entity<AppUser>().ToTable("users");
        // Claimed only by SingleUseAuthenticatorTokenProvider's conditional UPDATE. Identity saves
        // the whole user row on every change: that must never write back a step read earlier.
        builder.Entity<AppUser>().Property(u => u.LastAuthenticatorStep).Metadata.SetAfterSaveBehavior(PropertySaveBehavior.Ignore);
        builder.Entity<AppUser>().Property(u => u.TwoFactorEnrolmentTokenHash).HasMaxLength(64);
        builder.Entity<IdentityRole<Guid>>().ToTable("roles");
        builder.Entity<IdentityUserRole<Guid>>().ToTable("user_roles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("role_claims");
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}
