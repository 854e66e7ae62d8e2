using LocalProducts.Web.Data;
using LocalProducts.Web.Domain.Impact;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LocalProducts.Web.Pages.Campaigns.Impact;

/// A campaign's impact for its public page: the plan, the categories it counts, and the figures
/// from <see cref="ImpactResultCache"/> (computed by <see cref="ImpactSumsQuery"/> and
/// <see cref="ImpactCalculator"/> when the cache has none for this plan and these reports). Null
/// for an unknown campaign. Only the slug decides what is computed.
public sealed class ImpactQuery(AppDbContext db, ImpactSumsQuery sums, ImpactResultCache cache, TimeProvider clock)
{
    private const string WatermarkSql = "SELECT coalesce(max(id), 0) FROM sales_report_revisions";

    // Whether any report written in (from, to] touches the plan's dates (a monthly report may
    // start up to 30 days before them).
    private const string ChangedSql = """
        SELECT EXISTS (
            SELECT 1 FROM sales_report_revisions v
            JOIN sales_reports r ON r.id = v.report_id
            WHERE v.id > @from AND v.id <= @to AND r.period_start BETWEEN @first - 30 AND @last)
        """;

    public async Task<ImpactView?> RunAsync(string slug, bool staff, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.AsNoTracking()
            .Where(c => c.Slug == slug)
            .Select(c => new { c.Id, c.Slug, c.Name, c.Hashtag })
            .FirstOrDefaultAsync(cancellationToken);
        if (campaign is null)
        {
            return null;
        }
        var plan = await db.CampaignImpactPlans.AsNoTracking().FirstOrDefaultAsync(p => p.CampaignId == campaign.Id, cancellationToken);
        var categories = await db.Categories.AsNoTracking()
            .Select(c => new { c.Id, c.Slug, c.Name, c.NameEn, c.ParentId })
            .ToListAsync(cancellationToken);
        var names = categories.ToDictionary(c => c.Id, c => new ImpactCategory(c.Id, c.Slug, c.Name, c.NameEn));
        var now = clock.GetUtcNow();
        ImpactView Empty(ImpactPageState state) => new(campaign.Slug, campaign.Name, campaign.Hashtag, state, null, names, null, now, false);
        if (plan is null)
        {
            return Empty(ImpactPageState.NoPlan);
        }
        if (!plan.IsPublished && !staff)
        {
            return Empty(ImpactPageState.NotPublished);
        }

        // A chosen category counts its own reports and its children's (products hang on leaves).
        var childrenOf = categories.Where(c => c.ParentId is not null).ToLookup(c => c.ParentId!.Value, c => c.Id);
        var covered = plan.CoveredCategoryIds;
        var coveredLeaves = covered.SelectMany(id => childrenOf[id].Append(id)).ToHashSet();
        var parents = childrenOf.Select(g => g.Key).ToHashSet();
        var control = plan.ControlCategoryIds.Count > 0
            ? plan.ControlCategoryIds
            : [.. categories.Where(c => !parents.Contains(c.Id) && !coveredLeaves.Contains(c.Id)).Select(c => c.Id).Order()];
        var mapping = covered.Concat(plan.ControlCategoryIds.Count > 0 ? control : [])
            .SelectMany(id => childrenOf[id].Append(id).Select(leaf => (Leaf: leaf, Group: id)))
            .Concat(plan.ControlCategoryIds.Count > 0 ? [] : control.Select(id => (Leaf: id, Group: id)))
            .Distinct()
            .ToList();
        var setup = ImpactSetup.For(plan, control);
        var (first, last) = setup.Span();

        var entry = await cache.GetAsync(
            campaign.Id,
            plan.Version,
            WatermarkAsync,
            (from, to, token) => ChangedAsync(from, to, first, last, token),
            async token =>
            {
                var rows = await sums.RunAsync(setup, mapping, token);
                // Every other category, when staff chose none, means those with reports in these dates.
                var reported = rows.Select(r => r.CategoryId).ToHashSet();
                var counted = plan.ControlCategoryIds.Count > 0 ? setup : setup with { Control = [.. control.Where(reported.Contains)] };
                return ImpactCalculator.Compute(counted, rows);
            },
            cancellationToken);
        var state = !entry.Result.HasReports ? ImpactPageState.NoReports : ImpactPageState.Ready;
        return new ImpactView(campaign.Slug, campaign.Name, campaign.Hashtag, state, state == ImpactPageState.Ready ? entry.Result : null, names,
            plan.Note, entry.ComputedAt, !plan.IsPublished);
    }

    private async Task<long> WatermarkAsync(CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(WatermarkSql, await ConnectionAsync(cancellationToken));
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private async Task<bool> ChangedAsync(long from, long to, DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(ChangedSql, await ConnectionAsync(cancellationToken));
        command.Parameters.AddWithValue("from", from);
        command.Parameters.AddWithValue("to", to);
        command.Parameters.AddWithValue("first", first);
        command.Parameters.AddWithValue("last", last);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    // The context's own connection, opened once and closed with the context.
    private async Task<NpgsqlConnection> ConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }
        return connection;
    }
}
