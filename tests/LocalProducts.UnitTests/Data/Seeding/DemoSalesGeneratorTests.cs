using LocalProducts.Web.Data.Seeding;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Domain.Impact;

namespace LocalProducts.UnitTests.Data.Seeding;

public sealed class DemoSalesGeneratorTests
{
    private static readonly SalesSpecSeed _spec = SeedFiles.Read<SalesSpecSeed>(Path.Combine(AppContext.BaseDirectory, "seeds", "demo", "sales.json"));

    private static readonly Dictionary<string, int> _categories = new(StringComparer.Ordinal) { ["kopi"] = 2, ["olahan-kopi"] = 3, ["batik"] = 7 };

    private static readonly DemoSalesIkm[] _ikms =
    [
        new(1, "batur-sangrai-kintamani", IkmScale.Kecil, 2016,
        [
            new(11, "kopi-arabika-kintamani-natural-200g-batur", 2, "kopi", 85_000, null, Marketplace.Tokopedia),
            new(12, "kopi-sangrai-1kg-batur", 2, "kopi", 310_000, 345_000, null),
        ]),
        new(2, "sangrai-lereng-malabar-pangalengan", IkmScale.Kecil, 2015, [new(21, "kopi-malabar-200g", 2, "kopi", 98_000, null, Marketplace.Shopee)]),
        new(3, "batik-tulis-lintang-giriloyo", IkmScale.Mikro, 2010, [new(31, "batik-tulis-lintang", 7, "batik", 950_000, null, null)]),
        new(4, "baru-berdiri", IkmScale.Mikro, 2021, [new(41, "batik-baru", 7, "batik", 250_000, null, Marketplace.Shopee)]),
    ];

    [Fact]
    public void Generate_TheSameSpecAndDay_GivesTheSameRows()
    {
        var first = Rows(new DemoSalesGenerator(_spec, _categories, new DateOnly(2026, 12, 5)).Generate(_ikms));
        var second = Rows(new DemoSalesGenerator(_spec, _categories, new DateOnly(2026, 12, 5)).Generate(_ikms));

        Assert.Equal(first, second);
    }

    [Fact]
    public void Generate_ALaterSeedingDay_KeepsTheEarlyRowsAndAddsTheNewMonths()
    {
        var december = new DemoSalesGenerator(_spec, _categories, new DateOnly(2026, 12, 5)).Generate(_ikms);
        var march = new DemoSalesGenerator(_spec, _categories, new DateOnly(2027, 3, 20)).Generate(_ikms);

        Assert.Equal(Rows(december.Where(r => r.PeriodStart.Year <= 2020)), Rows(march.Where(r => r.PeriodStart.Year <= 2020)));
        Assert.Equal(new DateOnly(2026, 11, 1), december.Max(r => r.PeriodStart));
        Assert.Equal(new DateOnly(2027, 2, 1), march.Max(r => r.PeriodStart));
    }

    [Fact]
    public void Generate_FollowsTheSpec()
    {
        var reports = new DemoSalesGenerator(_spec, _categories, new DateOnly(2026, 12, 5)).Generate(_ikms);

        // Reporting starts in the spec's first month, or the January after a later founding.
        Assert.Equal(new DateOnly(2019, 7, 1), reports.Where(r => r.IkmId == 1).Min(r => r.PeriodStart));
        Assert.Equal(new DateOnly(2022, 1, 1), reports.Where(r => r.IkmId == 4).Min(r => r.PeriodStart));
        // The roasters in the spec's list report coffee-based products per category.
        Assert.Contains(reports, r => r.IkmId == 1 && r.ProductId == null && r.CategoryId == 3);
        Assert.DoesNotContain(reports, r => r.IkmId == 3 && r.ProductId == null);
        // Malabar reports day by day from March to May 2020, and by month otherwise.
        Assert.Equal(31 + 30 + 31, reports.Where(r => r.IkmId == 2 && r.PeriodKind == SalesPeriodKind.Daily).Select(r => r.PeriodStart).Distinct().Count());
        Assert.DoesNotContain(reports, r => r.IkmId == 2 && r.PeriodKind == SalesPeriodKind.Monthly && r.PeriodStart is { Year: 2020, Month: >= 3 and <= 5 });
        // A product without a marketplace link sells offline and by WhatsApp only.
        Assert.Equal([SalesChannel.WhatsApp, SalesChannel.Offline], reports.Where(r => r.ProductId == 31).Select(r => r.Channel).Distinct().Order());
        // One report, the owner's last month on Tokopedia, is held for review.
        var held = Assert.Single(reports, r => r.State == SalesReportState.HeldForReview);
        Assert.Equal((11, SalesChannel.Tokopedia, new DateOnly(2026, 11, 1)), (held.ProductId!.Value, held.Channel, held.PeriodStart));
        // No report repeats another's key.
        Assert.Equal(reports.Count, reports.Select(r => (r.IkmId, r.ProductId, r.CategoryId, r.Channel, r.PeriodKind, r.PeriodStart)).Distinct().Count());
    }

    private static List<string> Rows(IEnumerable<SalesReport> reports) =>
        [.. reports.Select(r => $"{r.IkmId} {r.ProductId} {r.CategoryId} {r.Channel} {r.PeriodKind} {r.PeriodStart:yyyy-MM-dd} {r.Units} {r.RevenueRupiah} {r.State}")];
}
