using System.Text.Json;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Pages.Products.Search;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace LocalProducts.IntegrationTests.Pages.Products;

/// The search's own rows (product_search) and the day's facet counts (product_facet_counts), kept
/// by triggers: they must always say what the products say.
public sealed class FacetCountsTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    /// Both ways: a count the rows do not have, and rows with no count.
    private const string CountsDifferingFromTheRows = """
        WITH kept AS (SELECT category_id, province_code, step, flags, products FROM product_facet_counts WHERE products <> 0),
             counted AS (
                SELECT category_id, province_code, product_search_step(price_min) AS step,
                       product_search_flags(tkdn_valid_until, halal_valid_until, sni_valid_until, pdn_valid_until,
                                            (SELECT as_of FROM product_facet_counts_day)) AS flags, count(*)::int AS products
                FROM product_search GROUP BY 1, 2, 3, 4)
        SELECT count(*)::int AS "Value" FROM ((TABLE kept EXCEPT TABLE counted) UNION ALL (TABLE counted EXCEPT TABLE kept)) AS differing
        """;

    private const string WordCountsDifferingFromTheRows = """
        WITH kept AS (SELECT word, category_id, province_code, step, flags, products FROM product_word_facet_counts WHERE products <> 0),
             counted AS (
                SELECT w.word, s.category_id, s.province_code, product_search_step(s.price_min) AS step,
                       product_search_flags(s.tkdn_valid_until, s.halal_valid_until, s.sni_valid_until, s.pdn_valid_until,
                                            (SELECT as_of FROM product_facet_counts_day)) AS flags, count(*)::int AS products
                FROM product_search s
                CROSS JOIN LATERAL unnest(tsvector_to_array(s.search_vector)) AS l(word)
                JOIN product_facet_words w ON w.word = l.word
                GROUP BY 1, 2, 3, 4, 5)
        SELECT count(*)::int AS "Value" FROM ((TABLE kept EXCEPT TABLE counted) UNION ALL (TABLE counted EXCEPT TABLE kept)) AS differing
        """;

    private static readonly string _rowsDifferingFromTheProducts = $"""
        SELECT count(*)::int AS "Value" FROM (
            (SELECT id, category_id, price_min, province_code, search_vector FROM product_search
             EXCEPT
             SELECT id, category_id, price_min, province_code, search_vector FROM products WHERE state = {(int)ProductState.Published})
            UNION ALL
            (SELECT id, category_id, price_min, province_code, search_vector FROM products WHERE state = {(int)ProductState.Published}
             EXCEPT
             SELECT id, category_id, price_min, province_code, search_vector FROM product_search)) AS differing
        """;

    [Theory]
    [InlineData("kategori=fesyen-tekstil")]
    [InlineData("provinsi=aceh")]
    [InlineData("kategori=makanan-minuman&provinsi=jawa-barat&sertifikasi=halal")]
    [InlineData("harga_min=100000&harga_maks=249999&sertifikasi=pdn&urut=termurah")]
    [InlineData("harga_min=30000&harga_maks=120000")]
    [InlineData("provinsi=jawa-barat&harga_min=60000&harga_maks=90000&urut=termahal")]
    [InlineData("kategori=makanan-minuman&harga_min=30000&harga_maks=120000&sertifikasi=halal")]
    public async Task DailyCounts_GiveTheSameSearchAsCountingTheProducts(string query)
    {
        // The day after today: the counts are not that day's, so the search counts the products;
        // then the counts are rebuilt for that day and the same search reads them.
        var tomorrow = new ShiftedClock(TimeSpan.FromDays(1));
        var counted = await SearchAsync(query, tomorrow);
        await RebuildCountsAsync(Wib.Today(tomorrow));
        try
        {
            var fromDailyCounts = await SearchAsync(query, tomorrow);

            Assert.True(counted.Total > 0, $"{query} finds products in the demo data");
            Assert.Equal(JsonSerializer.Serialize(counted), JsonSerializer.Serialize(fromDailyCounts));
        }
        finally
        {
            await RebuildCountsAsync(Wib.Today(TimeProvider.System));
        }
    }

    /// The same, for a search of one common word (the demo's most common word of four letters or
    /// more with halal products; the province where it has most products), with prices across bands, pages and orders.
    [Theory]
    [InlineData("q={word}")]
    [InlineData("q={word}&halaman=2")]
    [InlineData("q={word}&urut=terbaru&halaman=2")]
    [InlineData("q={word}&urut=termurah")]
    [InlineData("q={word}&harga_min=30000&harga_maks=120000")]
    [InlineData("q={word}&sertifikasi=halal&urut=termahal")]
    [InlineData("q={word}&provinsi={province}")]
    [InlineData("q={word}&provinsi={province}&harga_min=50000&harga_maks=150000&urut=termurah")]
    [InlineData("q={word}&provinsi={province}&harga_min=20000&harga_maks=200000&sertifikasi=halal")]
    [InlineData("q={word}&kategori={category}&harga_min=20000&harga_maks=200000")]
    [InlineData("q={word}&kategori={category}&provinsi={province}&harga_min=20000&harga_maks=200000")]
    public async Task WordCounts_GiveTheSameSearchAsCountingTheProducts(string template)
    {
        var db = site.CreateDbContext(out var scope);
        using var _ = scope;
        var common = await db.Database.SqlQueryRaw<string>("""
            SELECT w.word || '|' || (SELECT p.name FROM product_word_facet_counts c JOIN provinces p ON p.code = c.province_code
                                     WHERE c.word = w.word GROUP BY p.name ORDER BY sum(c.products) DESC, p.name LIMIT 1)
                   || '|' || (SELECT k.slug FROM product_word_facet_counts c JOIN categories k ON k.id = c.category_id
                              WHERE c.word = w.word GROUP BY k.slug ORDER BY sum(c.products) DESC, k.slug LIMIT 1) AS "Value"
            FROM product_facet_words w
            WHERE length(w.word) >= 4 AND w.word ~ '^[a-z]+$' AND EXISTS (SELECT 1 FROM product_word_facet_counts c WHERE c.word = w.word AND c.flags & 2 <> 0)
            ORDER BY w.products DESC, w.word LIMIT 1
            """).SingleAsync();
        var query = template.Replace("{word}", common.Split('|')[0]).Replace("{province}", Slug.From(common.Split('|')[1]))
            .Replace("{category}", common.Split('|')[2]);

        var tomorrow = new ShiftedClock(TimeSpan.FromDays(1));
        var counted = await SearchAsync(query, tomorrow);
        await RebuildCountsAsync(Wib.Today(tomorrow));
        try
        {
            var fromWordCounts = await SearchAsync(query, tomorrow);

            // Products found, or at least other provinces to go to.
            Assert.True(counted.Total > 0 || counted.Facets.Provinces.Any(p => p.Count > 0), $"{query} counts products in the demo data");
            Assert.Equal(JsonSerializer.Serialize(counted), JsonSerializer.Serialize(fromWordCounts));
        }
        finally
        {
            await RebuildCountsAsync(Wib.Today(TimeProvider.System));
        }
    }

    /// Relevance without scoring every match: when enough products have a common word in every
    /// part (name, category, maker or region, description: the highest score there is), its first
    /// pages are read by walking the newest of those products; they must be the pages that
    /// scoring every match gives, as must a page the walk cannot fill. The demo's common word most often in names and categories gets
    /// into those products' descriptions and makers' names too (undone afterwards).
    [Theory]
    [InlineData("q={word}")]
    [InlineData("q={word}&halaman=2")]
    [InlineData("q={word}&kategori={category}")]
    public async Task WordCounts_RelevancePagesFromTheTopScore_AreThoseOfScoringEveryMatch(string template)
    {
        var db = site.CreateDbContext(out var scope);
        using var _ = scope;
        var word = await db.Database.SqlQueryRaw<string>("""
            SELECT w.word AS "Value" FROM product_facet_words w
            WHERE w.word ~ '^[a-z]+$' AND melokal_document(w.word, true) = w.word
            ORDER BY (SELECT count(*) FROM product_search s
                      WHERE s.search_vector @@ to_tsquery('simple', format('%1$s:A & %1$s:B', w.word))) DESC, w.word
            LIMIT 1
            """).SingleAsync();
        var inNameAndCategory = $"{word}:A & {word}:B";
        var products = await db.Products.FromSql($"""
            SELECT p.* FROM products p JOIN product_search s ON s.id = p.id WHERE s.search_vector @@ to_tsquery('simple', {inNameAndCategory})
            """).AsNoTracking().Select(p => new { p.Id, p.IkmId, p.Description }).ToListAsync();
        var ids = products.Select(p => p.Id).ToArray();
        var makers = products.Select(p => p.IkmId).Distinct().ToArray();
        await db.Database.ExecuteSqlAsync($"UPDATE ikms SET name = {word} || ' ' || name WHERE id = ANY({makers})");
        await db.Database.ExecuteSqlAsync($"UPDATE products SET description = coalesce(description, '') || ' ' || {word} WHERE id = ANY({ids})");
        try
        {
            var topScored = await db.Database.SqlQuery<int>(
                $"SELECT count(*)::int AS \"Value\" FROM product_search WHERE search_vector @@ to_tsquery('simple', {inNameAndCategory + $" & {word}:C & {word}:D"})").SingleAsync();
            // The first page comes from the walk; the second (fewer than two pages score highest)
            // from scoring every match after the walk fell short.
            Assert.True(topScored is >= ProductSearch.PageSize and < 2 * ProductSearch.PageSize,
                $"\"{word}\" fills one page but not two with its highest score ({topScored} products)");
            var category = await db.Database.SqlQuery<string>($"""
                SELECT k.slug AS "Value" FROM product_search s JOIN categories k ON k.id = s.category_id
                WHERE s.search_vector @@ to_tsquery('simple', {inNameAndCategory}) GROUP BY k.slug ORDER BY count(*) DESC, k.slug LIMIT 1
                """).SingleAsync();
            var query = template.Replace("{word}", word).Replace("{category}", category);

            var tomorrow = new ShiftedClock(TimeSpan.FromDays(1));
            var counted = await SearchAsync(query, tomorrow);
            await RebuildCountsAsync(Wib.Today(tomorrow));
            var fromTopScore = await SearchAsync(query, tomorrow);

            Assert.NotEmpty(counted.Products);
            Assert.Equal(JsonSerializer.Serialize(counted), JsonSerializer.Serialize(fromTopScore));
        }
        finally
        {
            await db.Database.ExecuteSqlAsync($"UPDATE ikms SET name = substr(name, length({word}) + 2) WHERE id = ANY({makers})");
            await db.Database.ExecuteSqlAsync($"""
                UPDATE products p SET description = d.description FROM unnest({ids}, {products.Select(p => p.Description).ToArray()}) AS d(id, description)
                WHERE p.id = d.id
                """);
            await RebuildCountsAsync(Wib.Today(TimeProvider.System));
        }
    }

    [Fact]
    public async Task Edits_KeepTheRowsAndTheCountsInStep()
    {
        var db = site.CreateDbContext(out var scope);
        using var _ = scope;
        await using var transaction = await db.Database.BeginTransactionAsync();
        var ids = await db.Products.Where(p => p.State == ProductState.Published).OrderBy(p => p.Id).Select(p => p.Id).Take(6).ToListAsync();
        var ikm = await db.Products.Where(p => p.Id == ids[0]).Select(p => p.IkmId).SingleAsync();

        // A price across a band edge, a hidden product, a new certificate, an IKM that moved, a
        // product back from review: each moves a product between counts.
        await db.Database.ExecuteSqlAsync($"UPDATE products SET price_min = price_min + 300000, price_max = NULL WHERE id = {ids[1]}");
        await db.Database.ExecuteSqlAsync($"UPDATE products SET state = {(int)ProductState.Hidden} WHERE id = {ids[2]}");
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO certifications (product_id, kind, number, expires_on) VALUES ({ids[3]}, {(int)CertificationKind.Halal}, 'ID00410000999', {DateOnly.FromDateTime(DateTime.UtcNow).AddYears(1)})");
        await db.Database.ExecuteSqlAsync($"UPDATE ikms SET province_code = '51', regency_code = (SELECT min(code) FROM regencies WHERE province_code = '51') WHERE id = {ikm}");
        await db.Database.ExecuteSqlAsync($"UPDATE products SET state = {(int)ProductState.PendingReview} WHERE id = {ids[4]}");
        await db.Database.ExecuteSqlAsync($"UPDATE products SET state = {(int)ProductState.Published} WHERE id = {ids[4]}");
        await db.Database.ExecuteSqlAsync($"DELETE FROM products WHERE id = {ids[5]}");
        // A name that gains a kept word and loses its own words.
        await db.Database.ExecuteSqlAsync($"UPDATE products SET name = (SELECT word FROM product_facet_words ORDER BY products DESC LIMIT 1) WHERE id = {ids[0]}");

        Assert.Equal(0, await db.Database.SqlQueryRaw<int>(_rowsDifferingFromTheProducts).SingleAsync());
        Assert.Equal(0, await db.Database.SqlQueryRaw<int>(CountsDifferingFromTheRows).SingleAsync());
        Assert.True(await db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM product_facet_words").SingleAsync() > 0);
        Assert.Equal(0, await db.Database.SqlQueryRaw<int>(WordCountsDifferingFromTheRows).SingleAsync());
        Assert.False(await db.Database.SqlQuery<bool>($"SELECT EXISTS (SELECT 1 FROM product_search WHERE id = {ids[2]}) AS \"Value\"").SingleAsync());
        Assert.Equal("51", await db.Database.SqlQuery<string>($"SELECT province_code AS \"Value\" FROM product_search WHERE id = {ids[0]}").SingleAsync());
        await transaction.RollbackAsync();
    }

    [Fact]
    public async Task Rebuilder_RebuildsTheCounts_WhenTheDayHasTurned()
    {
        var db = site.CreateDbContext(out var scope);
        using var _ = scope;
        await using var transaction = await db.Database.BeginTransactionAsync();
        var today = Wib.Today(TimeProvider.System);
        await db.Database.ExecuteSqlAsync($"UPDATE product_facet_counts_day SET as_of = {today.AddDays(-1)}");
        await db.Database.ExecuteSqlAsync($"UPDATE product_facet_counts SET products = products + 5");
        await db.Database.ExecuteSqlAsync($"UPDATE product_word_facet_counts SET products = products + 5");

        await FacetCountsRebuilder.RebuildIfStaleAsync(db, today, CancellationToken.None);

        Assert.Equal(today, await db.Database.SqlQuery<DateOnly>($"SELECT as_of AS \"Value\" FROM product_facet_counts_day").SingleAsync());
        Assert.Equal(0, await db.Database.SqlQueryRaw<int>(CountsDifferingFromTheRows).SingleAsync());
        Assert.Equal(0, await db.Database.SqlQueryRaw<int>(WordCountsDifferingFromTheRows).SingleAsync());
        await transaction.RollbackAsync();
    }

    [Fact]
    public async Task PriceBandsAndSteps_AreTheDatabases()
    {
        var db = site.CreateDbContext(out var scope);
        using var _ = scope;
        for (var band = 0; band < ProductSearch.PriceBands.Count; band++)
        {
            foreach (var price in new[] { ProductSearch.PriceBands[band].Min ?? 0, ProductSearch.PriceBands[band].Max ?? 1_000_000_000 })
            {
                Assert.Equal(band, await db.Database.SqlQuery<short>($"SELECT product_search_band({price}) AS \"Value\"").SingleAsync());
            }
        }
        for (var step = 0; step < ProductSearch.PriceSteps.Count; step++)
        {
            foreach (var price in new[] { ProductSearch.PriceSteps[step].Min ?? 0, ProductSearch.PriceSteps[step].Max ?? 1_000_000_000 })
            {
                Assert.Equal(step, await db.Database.SqlQuery<short>($"SELECT product_search_step({price}) AS \"Value\"").SingleAsync());
            }
        }
    }

    private async Task<ProductSearchResult> SearchAsync(string query, TimeProvider clock)
    {
        var db = site.CreateDbContext(out var scope);
        using var _ = scope;
        var search = new ProductSearch(db, scope.ServiceProvider.GetRequiredService<NpgsqlDataSource>(), clock, CatalogueCache.Disabled,
            scope.ServiceProvider.GetRequiredService<KnownWords>());
        var input = ProductSearchInput.Parse(new QueryCollection(QueryHelpers.ParseQuery(query)));
        return await search.RunAsync(input, english: false, CancellationToken.None);
    }

    private async Task RebuildCountsAsync(DateOnly day)
    {
        var db = site.CreateDbContext(out var scope);
        using var _ = scope;
        await db.Database.ExecuteSqlAsync($"SELECT product_facet_counts_rebuild({day})");
    }

    private sealed class ShiftedClock(TimeSpan ahead) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + ahead;
    }
}
