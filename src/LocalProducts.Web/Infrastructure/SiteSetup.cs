using System.Globalization;
using LocalProducts.Web.Data;
using LocalProducts.Web.Data.Seeding;
using LocalProducts.Web.Infrastructure.Accounts;
using LocalProducts.Web.Infrastructure.Audit;
using LocalProducts.Web.Infrastructure.Authorization;
using LocalProducts.Web.Infrastructure.ClientAddresses;
using LocalProducts.Web.Infrastructure.Email;
using LocalProducts.Web.Infrastructure.Images;
using LocalProducts.Web.Infrastructure.Replica;
using LocalProducts.Web.Infrastructure.Requests;
using LocalProducts.Web.Pages.Api;
using LocalProducts.Web.Pages.Bench;
using LocalProducts.Web.Pages.Discovery;
using LocalProducts.Web.Pages.Events;
using LocalProducts.Web.Pages.News;
using LocalProducts.Web.Pages.Newsroom;
using LocalProducts.Web.Pages.Products.Search;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Serilog;

namespace LocalProducts.Web.Infrastructure;

/// The composition root, split by concern so Program.cs reads as a table of contents.
internal static class SiteSetup
{
    public static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public const string CatalogueCachePolicy = "Catalogue";

    /// The host gets its own logger from configuration; the static bootstrap logger (start-up
    /// failures) is left alone, so several hosts can start in one process (tests, two instances).
    public static void AddSiteLogging(this WebApplicationBuilder builder) =>
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            // EF Core's own error about a request that failed because the database is down or the
            // client left: the request's one line (RequestFaultMiddleware) says it without a stack trace.
            .Filter.ByExcluding(RequestFaultLogFilter.IsRepeatOfRequestFault), preserveStaticLogger: true);

    /// Uses ConnectionStrings:Default when it is set; otherwise starts the embedded cluster and
    /// returns it so the caller can stop it with the site.
    public static EmbeddedPostgres? AddSiteDatabase(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("Default");
        EmbeddedPostgres? embedded = null;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            var configured = builder.Configuration["EmbeddedPostgres:RootDirectory"];
            var root = string.IsNullOrWhiteSpace(configured) ? EmbeddedPostgresOptions.DefaultRootDirectory() : configured;
            embedded = EmbeddedPostgres.Start(new EmbeddedPostgresOptions
            {
                RootDirectory = root,
                BinDirectory = builder.Configuration["EmbeddedPostgres:BinDirectory"],
            });
            Log.Information("Embedded PostgreSQL running on 127.0.0.1:{Port}", embedded.Port);
            if (embedded.RunsAsSuperuser)
            {
                Log.Warning("The embedded PostgreSQL in {Folder} was made before the site had a role without superuser rights, and the site connects as its superuser. "
                    + "Stop the site and delete the folder to make it afresh", root);
            }
            connectionString = embedded.ConnectionString;
        }

        var dataSource = new NpgsqlDataSourceBuilder(AppDbContext.TunedConnectionString(connectionString, ConnectionWaitSeconds(builder.Configuration))).Build();
        builder.Services.AddSingleton(dataSource);
        // One logger factory for every context: EF Core builds its internal services per factory.
        builder.Services.AddSingleton(services => new RetriedReadLogging(services.GetRequiredService<ILoggerFactory>()));
        builder.Services.AddDbContext<AppDbContext>((services, options) =>
            AppDbContext.Configure(options, dataSource).UseLoggerFactory(services.GetRequiredService<RetriedReadLogging>()).AddInterceptors(
                services.GetRequiredService<AuditInterceptor>(), services.GetRequiredService<CacheEvictionInterceptor>()));
        builder.Services.AddScoped<CacheEvictionInterceptor>();
        builder.Services.AddDataProtection()
            .SetApplicationName("Melokal")
            .PersistKeysToDbContext<AppDbContext>();
        builder.Services.AddHealthChecks()
            .AddDbContextCheck<AppDbContext>("database", tags: ["ready"]);
        return embedded;
    }

    /// Database:ConnectionWaitSeconds: how long a request waits for a connection before the 503.
    public static int ConnectionWaitSeconds(IConfiguration configuration) =>
        configuration.GetValue("Database:ConnectionWaitSeconds", AppDbContext.DefaultConnectionWaitSeconds);

    public static void AddSiteServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var publicAddress = PublicAddress.From(builder.Configuration, builder.Environment);
        services.AddSingleton(publicAddress);
        // Any other Host header answers 400 outside Development, unless the operator lists the
        // hosts (AllowedHosts) themselves.
        if (!builder.Environment.IsDevelopment() && builder.Configuration["AllowedHosts"] is null or "*")
        {
            builder.Configuration["AllowedHosts"] = publicAddress.Host;
        }
        services.AddSingleton(TimeProvider.System);
        services.Configure<SeedingOptions>(builder.Configuration.GetSection(SeedingOptions.Section));
        // Words search never "corrects" (Indonesian dictionary and place names), loaded once.
        services.AddSingleton(sp => Pages.Products.Search.KnownWords.Load(
            Path.Combine(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<SeedingOptions>>().Value.ResolveDirectory(), "reference", "search")));
        services.AddScoped<DatabaseInitializer>();
        services.AddHostedService<SearchVocabularyRefresher>();
        services.AddHostedService<FacetCountsRebuilder>();
        // Newsroom: scheduled posts go public on time; reads of posts are counted per instance.
        services.AddHostedService<ScheduledPostPublisher>();
        // Event places held for an unconfirmed e-mail go back to the waiting list when the hold runs out.
        services.AddHostedService<Pages.Events.ExpiredHoldsJob>();
        // Melokal: staff CSV imports of post figures, checked and written in the background by any instance.
        services.AddSingleton<Pages.Admin.Melokal.MetricImports.MetricImportSignal>();
        services.AddSingleton<Pages.Admin.Melokal.MetricImports.MetricImportRunner>();
        if (builder.Configuration.GetValue("MetricImports:Worker", !builder.Environment.IsEnvironment("Benchmark")))
        {
            services.AddHostedService<Pages.Admin.Melokal.MetricImports.MetricImportWorker>();
        }
        services.AddSingleton<PostViewCounter>();
        services.AddHostedService<PostViewFlusher>();
        services.AddSingleton<MarkdownRenderer>();
        services.AddSingleton<AddressHasher>();
        services.AddSingleton<OncePerDay>();
        services.Configure<EmailOptions>(builder.Configuration.GetSection(EmailOptions.Section));
        // With a mail server, mail goes through the shared outbox (sent at once, retried by one
        // instance); without one, to the development pickup folder.
        if (builder.Configuration.GetSection(EmailOptions.Section).Get<EmailOptions>()?.SendsThroughSmtp == true)
        {
            services.AddSingleton<SmtpMailTransport>();
            services.AddScoped<OutboxMailDelivery>();
            services.AddSingleton<IEmailSender, OutboxEmailSender>();
            services.AddHostedService<MailOutboxJob>();
        }
        else
        {
            services.AddSingleton<PickupFolderEmailSender>();
            services.AddSingleton<IEmailSender>(provider => provider.GetRequiredService<PickupFolderEmailSender>());
        }
        services.AddScoped<ImageStore>();
        services.AddHostedService<OrphanImageSweeper>();
        services.AddAuditLog();
        // Each feature's queries and commands sit beside its pages; register them by name.
        foreach (var feature in typeof(SiteSetup).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.Namespace?.StartsWith("LocalProducts.Web.Pages", StringComparison.Ordinal) == true
                && (t.Name.EndsWith("Query", StringComparison.Ordinal) || t.Name.EndsWith("Command", StringComparison.Ordinal) || t.Name.EndsWith("Search", StringComparison.Ordinal))))
        {
            services.AddScoped(feature);
        }
        // With ConnectionStrings:Replica, the public ones among them read the replica.
        builder.AddSiteReplica();

        builder.AddSiteAccounts();
        builder.AddSiteSecurity();
        builder.AddSiteRateLimits();
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "melokal.af";
            options.Cookie.SecurePolicy = SiteSecurity.CookieSecurePolicy(builder.Environment);
        });

        // Brotli or gzip for HTML, CSS and JSON on slow mobile data. Not over HTTPS by default
        // (BREACH); where TLS ends at the proxy, the proxy compresses.
        services.AddResponseCompression();
        services.AddOutputCache(options =>
        {
            // Pages for anonymous readers, one entry per path, language and the query parameters
            // the page reads (CacheVaryByQuery); evicted by tag when the data behind them changes
            // (OutputCacheEviction), on every instance.
            options.AddPolicy(CatalogueCachePolicy, policy => policy
                .Expire(TimeSpan.FromSeconds(60))
                .AddPolicy<DeclaredQueryKeysPolicy>()
                .VaryByValue(_ => new KeyValuePair<string, string>("culture", CultureInfo.CurrentUICulture.Name))
                .VaryByValue(ReplicaSetup.OutputCacheVary)
                .Tag(OutputCacheEviction.CatalogueTag));
            // Image copies never change (a new upload has a new id): no tag, nothing evicts them;
            // a short life keeps only the images of the moment in memory.
            options.AddPolicy(MediaEndpoints.CachePolicy, policy => policy.Expire(TimeSpan.FromMinutes(10)));
        });
        services.AddSingleton<OutputCacheEviction>();
        services.AddSingleton(new CatalogueCache(TimeSpan.FromSeconds(builder.Configuration.GetValue("CatalogueCache:Seconds", CatalogueCache.DefaultLifetime.TotalSeconds))));
        services.AddHostedService<OutputCacheEvictionListener>();
        services.AddSingleton<Pages.Campaigns.Impact.ImpactResultCache>();

        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Indonesian);
            options.SupportedCultures = [Indonesian, English];
            options.SupportedUICultures = [Indonesian, English];
            // Indonesian first: the language is what the reader chose on this site, not the browser's.
            options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        services.AddAuthorizationBuilder().AddSitePolicies();
        services.AddResourceAuthorization();
        services.AddSingleton<Microsoft.Extensions.Options.IConfigureOptions<Microsoft.AspNetCore.Mvc.MvcOptions>, ModelBindingMessages>();
        services.AddRazorPages(options =>
            {
                options.Conventions.AuthorizeFolder("/Admin", Policies.Staff);
                options.Conventions.AuthorizeFolder("/Admin/Users", Policies.Admin);
                options.Conventions.AuthorizeFolder("/Account/Manage");
                options.Conventions.AuthorizeFolder("/Dashboard", Policies.IkmOwner);
                options.Conventions.AuthorizeFolder("/Newsroom", Policies.Newsroom);
                options.Conventions.AuthorizeFolder("/QrCodes/Print", Policies.QrCodes);
                options.Conventions.ConfigureFilter(new UnhandledMethodFilter());
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(options =>
                options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
    }

    public static void UseSitePipeline(this WebApplication app)
    {
        app.UseSiteSecurity();
        app.UseResponseCompression();
        app.UseExceptionHandler("/galat/500");
        app.UseStatusCodePagesWithReExecute("/galat/{0}");
        app.UseSerilogRequestLogging(options =>
        {
            // The path without its query string: search words can be personal.
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
            options.EnrichDiagnosticContext = (context, http) => context.Set("RequestId", http.TraceIdentifier);
            // A cancelled request or a database outage was logged once already, by RequestFaultMiddleware.
            options.GetLevel = (http, _, ex) =>
                http.Items.ContainsKey(RequestFaultMiddleware.HandledItem) ? Serilog.Events.LogEventLevel.Debug
                : ex is not null || http.Response.StatusCode > 499 ? Serilog.Events.LogEventLevel.Error
                : Serilog.Events.LogEventLevel.Information;
        });
        app.UseControlCharacterGuard();
        app.UseRequestLocalization();
        app.UseMiddleware<RequestFaultMiddleware>();
        app.MapStaticAssets();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseOwnWriteMarker();
        // Before the output cache, so cached answers are counted too.
        app.UseMiddleware<PostViewCountingMiddleware>();
        // Off only to measure the pages without it (benchmarks).
        if (app.Configuration.GetValue("OutputCache:Enabled", true))
        {
            app.UseOutputCache();
        }
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", ReplicaSetup.ReadinessOptions(app.Configuration));
        app.MapRazorPages().WithStaticAssets();
        app.MapDiscovery();
        app.MapCatalogueApi();
        app.MapEventCalendar();
        app.MapMedia();
        app.MapNewsFeeds();
        app.MapBenchBaselines();
    }
}
