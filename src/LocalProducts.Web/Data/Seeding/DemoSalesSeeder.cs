using LocalProducts.Web.Domain;
using LocalProducts.Web.Domain.Impact;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace LocalProducts.Web.Data.Seeding;

/// Loads seeds/demo/sales.json: the #SatuDalamKopi impact plan, and invented sales reports of the
/// demo IKM (tens of thousands of rows, written by binary COPY in one transaction). Nothing is
/// added when the demo IKM have reports already, or the campaign has its plan.
internal sealed class DemoSalesSeeder(AppDbContext db, TimeProvider clock)
{
    public async Task SeedAsync(string path, IReadOnlyCollection<string> ikmSlugs, IReadOnlyDictionary<string, Campaign> campaigns, CancellationToken cancellationToken)
    {
        var spec = SeedFiles.Read<SalesSpecSeed>(path);
        var categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Slug, c => c.Id, StringComparer.Ordinal, cancellationToken);
        await SeedPlanAsync(spec.ImpactPlan, categories, campaigns, cancellationToken);

        var slugs = ikmSlugs.ToList();
        var ikms = await db.Ikms.AsNoTracking().Where(i => slugs.Contains(i.Slug))
            .Select(i => new { i.Id, i.Slug, i.Scale, i.FoundedYear }).ToListAsync(cancellationToken);
        var ids = ikms.Select(i => i.Id).ToList();
        if (await db.SalesReports.AnyAsync(r => ids.Contains(r.IkmId), cancellationToken))
        {
            return;
        }
        var categorySlugs = categories.ToDictionary(c => c.Value, c => c.Key);
        var products = (await db.Products.AsNoTracking().Where(p => ids.Contains(p.IkmId))
            .Select(p => new { p.Id, p.IkmId, p.Slug, p.CategoryId, p.PriceMin, p.PriceMax, Marketplace = p.MarketplaceLinks.OrderBy(l => l.Id).Select(l => (Marketplace?)l.Platform).FirstOrDefault() })
            .ToListAsync(cancellationToken))
            .ToLookup(p => p.IkmId);
        var demo = ikms.Select(i => new DemoSalesIkm(i.Id, i.Slug, i.Scale, i.FoundedYear,
            [.. products[i.Id].OrderBy(p => p.Slug, StringComparer.Ordinal)
                .Select(p => new DemoSalesProduct(p.Id, p.Slug, p.CategoryId, categorySlugs[p.CategoryId], p.PriceMin, p.PriceMax, p.Marketplace))])).ToList();
        var reports = new DemoSalesGenerator(spec, categories, Wib.Today(clock)).Generate(demo);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await CopyAsync((NpgsqlConnection)db.Database.GetDbConnection(), reports, cancellationToken);
        // Each report's first version, as SalesReport.Create records it.
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO sales_report_revisions (report_id, units, revenue_rupiah, state, reason, at, by)
            SELECT r.id, r.units, r.revenue_rupiah, r.state, NULL, r.updated_at, r.updated_by
            FROM sales_reports r
            WHERE r.ikm_id = ANY({ids.ToArray()}) AND NOT EXISTS (SELECT 1 FROM sales_report_revisions v WHERE v.report_id = r.id)
            """, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task SeedPlanAsync(ImpactPlanSeed seed, Dictionary<string, int> categories, IReadOnlyDictionary<string, Campaign> campaigns, CancellationToken cancellationToken)
    {
        var campaign = campaigns[seed.Campaign];
        if (await db.CampaignImpactPlans.AnyAsync(p => p.CampaignId == campaign.Id, cancellationToken))
        {
            return;
        }
        var plan = CampaignImpactPlan.For(campaign.Id);
        plan.Change(seed.PeriodStart, seed.PeriodEnd, seed.BaselineStart, seed.BaselineEnd,
            seed.Covered.Select(slug => categories[slug]), seed.Control.Select(slug => categories[slug]), seed.PreCampaignMonths,
            seed.Note, seed.Published, clock.GetUtcNow(), DemoESmartSeeder.DemoStaff);
        db.CampaignImpactPlans.Add(plan);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private static async Task CopyAsync(NpgsqlConnection connection, IReadOnlyList<SalesReport> reports, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY sales_reports (ikm_id, product_id, category_id, channel, period_kind, period_start, units, revenue_rupiah, state, hold_reason, reported_at, updated_at) FROM STDIN (FORMAT BINARY)",
            cancellationToken);
        foreach (var report in reports)
        {
            writer.StartRow();
            writer.Write(report.IkmId, NpgsqlDbType.Integer);
            if (report.ProductId is { } productId)
            {
                writer.Write(productId, NpgsqlDbType.Integer);
            }
            else
            {
                writer.WriteNull();
            }
            writer.Write(report.CategoryId, NpgsqlDbType.Integer);
            writer.Write((int)report.Channel, NpgsqlDbType.Integer);
            writer.Write((int)report.PeriodKind, NpgsqlDbType.Integer);
            writer.Write(report.PeriodStart, NpgsqlDbType.Date);
            writer.Write(report.Units, NpgsqlDbType.Integer);
            writer.Write(report.RevenueRupiah, NpgsqlDbType.Bigint);
            writer.Write((int)report.State, NpgsqlDbType.Integer);
            if (report.HoldReason is { } reason)
            {
                writer.Write(reason, NpgsqlDbType.Varchar);
            }
            else
            {
                writer.WriteNull();
            }
            writer.Write(report.ReportedAt, NpgsqlDbType.TimestampTz);
            writer.Write(report.UpdatedAt, NpgsqlDbType.TimestampTz);
        }
        await writer.CompleteAsync(cancellationToken);
    }
}
