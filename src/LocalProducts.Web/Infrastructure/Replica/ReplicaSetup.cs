using System.Text.Json;
using LocalProducts.Web.Data;
using LocalProducts.Web.Pages;
using LocalProducts.Web.Pages.Campaigns;
using LocalProducts.Web.Pages.Ikm;
using LocalProducts.Web.Pages.News;
using LocalProducts.Web.Pages.Products;
using LocalProducts.Web.Pages.Products.Search;
using LocalProducts.Web.Pages.Products.Suggestions;
using LocalProducts.Web.Pages.Shortlist.Compare;
using LocalProducts.Web.Pages.Shortlist.Saved;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace LocalProducts.Web.Infrastructure.Replica;

/// The read replica, when ConnectionStrings:Replica is set (docs/operations.md, "Read replica").
/// Without it nothing here is registered and every read goes to the primary, as before.
public static class ReplicaSetup
{
    /// For an endpoint that reads like the queries below: <c>[FromKeyedServices(ReplicaSetup.PublicReads)] AppDbContext db</c>.
    public const string PublicReads = "public-reads";

    /// The public read queries of the catalogue, news and campaigns (the pages and /api/v1 use
    /// them): with a replica each gets its context, pool and cache from <see cref="ReadDatabase"/>.
    /// Owners' and staff's queries are not here: they always read the primary.
    public static readonly IReadOnlyList<Type> ReadQueries =
    [
        typeof(HomeQuery), typeof(ProductSearch), typeof(ProductDetailQuery), typeof(SuggestionSearch),
        typeof(IkmDirectoryQuery), typeof(IkmProfileQuery), typeof(SavedProductsQuery), typeof(ProductComparisonQuery),
        typeof(PostListQuery), typeof(PopularPostsQuery), typeof(PostDetailQuery), typeof(PostSlugRedirectQuery),
        typeof(CampaignListQuery), typeof(CampaignDetailQuery), typeof(CampaignSlugRedirectQuery),
    ];

    public static bool HasReplica(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration.GetConnectionString("Replica"));

    /// After the queries' own registration (SiteSetup), which this replaces for <see cref="ReadQueries"/>.
    public static void AddSiteReplica(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        if (!HasReplica(builder.Configuration))
        {
            services.AddKeyedScoped(PublicReads, (provider, _) => provider.GetRequiredService<AppDbContext>());
            return;
        }
        services.Configure<ReplicaOptions>(builder.Configuration.GetSection(ReplicaOptions.Section));
        var cacheLifetime = TimeSpan.FromSeconds(builder.Configuration.GetValue("CatalogueCache:Seconds", CatalogueCache.DefaultLifetime.TotalSeconds));
        services.AddSingleton(new ReplicaDatabase(builder.Configuration.GetConnectionString("Replica")!, cacheLifetime, SiteSetup.ConnectionWaitSeconds(builder.Configuration)));
        services.AddSingleton<ReplicaHealth>();
        services.AddSingleton<ReadRouting>();
        services.AddHostedService<ReplicaMonitor>();
        services.AddHostedService<ReplicaCacheCatchUp>();
        services.AddHttpContextAccessor();
        services.AddScoped<ReadDatabase>();
        services.AddKeyedScoped(PublicReads, (provider, _) => provider.GetRequiredService<ReadDatabase>().Context);
        foreach (var query in ReadQueries)
        {
            services.AddScoped(query, provider => ActivatorUtilities.CreateInstance(provider, query, ReadArguments(query, provider.GetRequiredService<ReadDatabase>())));
        }
        services.AddHealthChecks().AddCheck<ReplicaHealthCheck>("replica", tags: ["ready"]);
    }

    /// What the query's constructor takes of the database and the cache, from where the request reads.
    private static object[] ReadArguments(Type query, ReadDatabase read) =>
        [.. query.GetConstructors().Single().GetParameters().Select(parameter => parameter.ParameterType).Distinct()
            .Select(type => type == typeof(AppDbContext) ? read.Context
                : type == typeof(NpgsqlDataSource) ? read.DataSource
                : type == typeof(CatalogueCache) ? (object?)read.Cache
                : null)
            .OfType<object>()];

    /// The output cache keeps what replica readers and primary readers got apart.
    public static KeyValuePair<string, string> OutputCacheVary(HttpContext context) =>
        new("reads", context.RequestServices.GetService<ReadRouting>()?.ReadsFromReplica(context) == true ? "replica" : "primary");

    public static void UseOwnWriteMarker(this WebApplication app)
    {
        if (HasReplica(app.Configuration))
        {
            app.UseMiddleware<OwnWriteMarker>();
        }
    }

    /// /health/ready: the plain word as before; with a replica, both databases in JSON.
    public static HealthCheckOptions ReadinessOptions(IConfiguration configuration)
    {
        var options = new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") };
        if (HasReplica(configuration))
        {
            options.ResponseWriter = WriteReadinessAsync;
        }
        return options;
    }

    private static Task WriteReadinessAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                entry => entry.Key,
                entry => new { status = entry.Value.Status.ToString(), description = entry.Value.Description }),
        }, cancellationToken: context.RequestAborted);
    }
}
