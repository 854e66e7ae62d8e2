using LocalProducts.Web.Data;
using LocalProducts.Web.Domain.Impact;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LocalProducts.Web.Pages.Campaigns.Impact;

/// The per (IKM, category, bucket) sums the impact is computed from, grouped in PostgreSQL: one
/// statement, counted reports only, read through the partial index on (category_id,
/// period_start, ikm_id) WHERE state = 1 (which carries period_kind, revenue and units, so the
/// reports' rows are not visited). A monthly report is spread evenly over its days and counts
/// for the days of its month inside the bucket; a daily report counts on its day. No report row
/// leaves the database.
public sealed class ImpactSumsQuery(AppDbContext db)
{
    // Buckets come in as arrays of first and last days (ordinality 1 = bucket 0); categories as
    // (report category, the category it counts for), so a covered parent takes its leaves. The
    // grouping inside LATERAL keeps each (category, bucket) a range scan of the index with
    // category_id and period_start both in its condition; joined flat, the planner scans the
    // period's index range for every category.
    private static readonly string _sql = $"""
        SELECT s.ikm_id, c.grp, (b.bucket - 1)::int AS bucket, sum(s.revenue) AS revenue, sum(s.units) AS units
        FROM unnest(@leaf::int[], @grp::int[]) AS c(id, grp)
        CROSS JOIN unnest(@lo::date[], @hi::date[]) WITH ORDINALITY AS b(lo, hi, bucket)
        CROSS JOIN LATERAL (
            SELECT r.ikm_id,
                   sum(CASE WHEN r.period_kind = {(int)SalesPeriodKind.Daily} THEN r.revenue_rupiah::float8
                            ELSE r.revenue_rupiah::float8
                                 * (least(b.hi, (r.period_start + interval '1 month')::date - 1) - greatest(b.lo, r.period_start) + 1)
                                 / ((r.period_start + interval '1 month')::date - r.period_start) END) AS revenue,
                   sum(CASE WHEN r.period_kind = {(int)SalesPeriodKind.Daily} THEN r.units::float8
                            ELSE r.units::float8
                                 * (least(b.hi, (r.period_start + interval '1 month')::date - 1) - greatest(b.lo, r.period_start) + 1)
                                 / ((r.period_start + interval '1 month')::date - r.period_start) END) AS units
            FROM sales_reports r
            WHERE r.category_id = c.id
              AND r.state = {(int)SalesReportState.Counted}
              AND r.period_start BETWEEN b.lo - 30 AND b.hi
              AND ((r.period_kind = {(int)SalesPeriodKind.Daily} AND r.period_start >= b.lo)
                   OR (r.period_kind = {(int)SalesPeriodKind.Monthly} AND (r.period_start + interval '1 month')::date > b.lo))
            GROUP BY r.ikm_id) AS s
        GROUP BY s.ikm_id, c.grp, b.bucket
        """;

    public async Task<List<ImpactSums>> RunAsync(ImpactSetup setup, IReadOnlyList<(int Leaf, int Group)> categories, CancellationToken cancellationToken)
    {
        var buckets = setup.Buckets();
        // Opened through EF, so the context closes it when it is disposed.
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(_sql, (NpgsqlConnection)db.Database.GetDbConnection());
        command.Parameters.AddWithValue("leaf", categories.Select(c => c.Leaf).ToArray());
        command.Parameters.AddWithValue("grp", categories.Select(c => c.Group).ToArray());
        command.Parameters.AddWithValue("lo", buckets.Select(b => b.Start).ToArray());
        command.Parameters.AddWithValue("hi", buckets.Select(b => b.End).ToArray());
        var sums = new List<ImpactSums>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            sums.Add(new ImpactSums(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetDouble(3), reader.GetDouble(4)));
        }
        return sums;
    }
}
