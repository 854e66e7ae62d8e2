using System.Data.Common;
using System.Globalization;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace LocalProducts.Web.Pages.Products;

public sealed record FacetValue(string Key, string Label, int Count, bool Selected);

public sealed record PriceBand(string Key, long? Min, long? Max);

public sealed record SearchFacets(
    IReadOnlyList<FacetValue> Categories,
    IReadOnlyList<FacetValue> Provinces,
    IReadOnlyList<FacetValue> Regencies,
    IReadOnlyList<FacetValue> Certifications,
    IReadOnlyList<FacetValue> PriceBands);

/// CorrectedQuery: the words searched instead when the typed ones found too little ("kopi gayoo"
/// became "kopi gayo"). SuggestedWords: the nearest known words when nothing was found.
public sealed record ProductSearchResult(
    ProductSearchInput Input,
    IReadOnlyList<ProductCard> Products,
    int Total,
    int Page,
    int PageCount,
    SearchFacets Facets,
    string? CorrectedQuery,
    IReadOnlyList<string> SuggestedWords,
    IReadOnlyList<string> Notes,
    string? CategoryName,
    string? ProvinceName,
    string? RegencyName);

/// The catalogue search: Indonesian full-text search with facets, filters, sorting and paging.
/// One SQL statement reads the matching rows of product_search once and returns both their facet
/// groups and the page of ids (without words, the day's facet counts stand in for the rows; decision
/// 0011); the cards are a second, small statement. Typo correction through the trigram index of
/// the vocabulary runs only when the words as typed find too little. Counts, pages, reference
/// lists and cards are kept for a minute in the <see cref="CatalogueCache"/> (cleared on every
/// instance whenever the catalogue changes).
public sealed class ProductSearch(AppDbContext db, NpgsqlDataSource dataSource, TimeProvider clock, CatalogueCache cache)
{
    public const int PageSize = 24;
    /// Below this many results the words are checked for typos.
    private const int TooFewResults = 3;

    public static readonly IReadOnlyList<PriceBand> PriceBands =
    [
        new("0-50000", null, 49_999),
        new("50000-100000", 50_000, 99_999),
        new("100000-250000", 100_000, 249_999),
        new("250000-500000", 250_000, 499_999),
        new("500000-1000000", 500_000, 999_999),
        new("1000000-", 1_000_000, null),
    ];

    /// The price steps of the kept facet counts (SQL product_search_step): every band edge is a
    /// step edge, with round amounts between.
    public static readonly IReadOnlyList<PriceBand> PriceSteps =
    [
        new("0-25000", null, 24_999),
        new("25000-50000", 25_000, 49_999),
        new("50000-75000", 50_000, 74_999),
        new("75000-100000", 75_000, 99_999),
        new("100000-150000", 100_000, 149_999),
        new("150000-250000", 150_000, 249_999),
        new("250000-350000", 250_000, 349_999),
        new("350000-500000", 350_000, 499_999),
        new("500000-750000", 500_000, 749_999),
        new("750000-1000000", 750_000, 999_999),
        new("1000000-2500000", 1_000_000, 2_499_999),
        new("2500000-", 2_500_000, null),
    ];

    public async Task<ProductSearchResult> RunAsync(ProductSearchInput input, bool english, CancellationToken cancellationToken)
    {
        var today = Wib.Today(clock);
        var notes = input.Notes.ToList();
        var reference = await cache.GetOrLoadAsync($"search-reference:{english}", () => SearchReference.LoadAsync(db, english, cancellationToken));
        var category = input.Kategori is null ? null : reference.Categories.GetValueOrDefault(input.Kategori);
        var province = input.Provinsi is null ? null : reference.Provinces.GetValueOrDefault(input.Provinsi);
        // Regencies only name the regency facet and the chosen regency: most searches need none.
        IReadOnlyDictionary<string, RegencyEntry> regencies = input.Kota is null && province is null
            ? new Dictionary<string, RegencyEntry>(StringComparer.Ordinal)
            : await cache.GetOrLoadAsync($"regencies:{input.Kota}|{province?.Code}", () => LoadRegenciesAsync(input.Kota, province?.Code, cancellationToken));
        var regency = input.Kota is null ? null : regencies.GetValueOrDefault(input.Kota);
        if (input.Kategori is not null && category is null)
        {
            notes.Add("Kategori tidak dikenal, jadi diabaikan.");
        }
        if (input.Provinsi is not null && province is null)
        {
            notes.Add("Provinsi tidak dikenal, jadi diabaikan.");
        }
        if (input.Kota is not null && regency is null)
        {
            notes.Add("Kabupaten/kota tidak dikenal, jadi diabaikan.");
        }
        // A regency outside the chosen province cannot match anything: the regency wins.
        if (regency is not null && province is not null && regency.ProvinceCode != province.Code)
        {
            province = reference.ProvincesByCode.GetValueOrDefault(regency.ProvinceCode);
        }

        var provinceCode = province?.Code ?? regency?.ProvinceCode;
        var regencyNames = provinceCode is null
            ? new Dictionary<string, string>(StringComparer.Ordinal)
            : regencies.Values.Where(r => r.ProvinceCode == provinceCode).ToDictionary(r => r.Code, r => r.Name, StringComparer.Ordinal);
        var lexemes = await cache.GetOrLoadAsync($"search-words:{input.Q}", () => NormalizeAsync(input.Q, cancellationToken));
        var filters = new SearchFilters(
            lexemes,
            category?.Ids,
            provinceCode,
            regency?.Code,
            input.HargaMin,
            input.HargaMaks,
            input.Sertifikasi,
            today);

        var found = await cache.GetOrLoadAsync($"search-page:{filters.Key}|{input.Urut}|{input.Halaman}",
            () => FindAsync(filters, input.Urut, input.Halaman, cancellationToken));
        if (found.PageClamped && found.Counts.Total > 0)
        {
            notes.Add("Halaman yang diminta melewati hasil terakhir, jadi menampilkan halaman terakhir.");
        }
        var ids = found.Ids.ToArray();
        IReadOnlyList<ProductCard> cards = ids.Length == 0
            ? []
            : await cache.GetOrLoadAsync($"search-cards:{english}|{today:O}|{string.Join(',', ids)}",
                () => LoadCardsAsync(ids, today, english, cancellationToken));

        var suggestions = found.Counts.Total == 0 && lexemes.Count > 0
            ? await cache.GetOrLoadAsync($"search-suggestions:{input.Q}", () => SuggestAsync(lexemes, cancellationToken))
            : [];

        return new ProductSearchResult(
            input with { Halaman = found.Page },
            cards,
            found.Counts.Total,
            found.Page,
            found.PageCount,
            BuildFacets(found.Counts, reference, regencyNames, category, province, regency?.Code, input),
            found.Corrected,
            suggestions,
            notes.Distinct().ToList(),
            category?.Name,
            province?.Name,
            regency?.Name);
    }

    private async Task<IReadOnlyList<ProductCard>> LoadCardsAsync(int[] ids, DateOnly today, bool english, CancellationToken cancellationToken)
    {
        var position = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        return (await db.Products.AsNoTracking()
                .Where(p => ids.Contains(p.Id))
                .Select(ProductCard.Projection(today, english))
                .ToListAsync(cancellationToken))
            .OrderBy(c => position[c.Id])
            .ToList();
    }

    private sealed record RegencyEntry(string Code, string Name, string ProvinceCode);

    /// The regencies a search names: the chosen one, and those of its province or the chosen
    /// province (a regency outside the chosen province wins, see RunAsync).
    private async Task<IReadOnlyDictionary<string, RegencyEntry>> LoadRegenciesAsync(string? kota, string? provinceCode, CancellationToken cancellationToken) =>
        await db.Regencies.AsNoTracking()
            .Where(r => r.Code == kota || r.ProvinceCode == provinceCode
                || db.Regencies.Any(chosen => chosen.Code == kota && chosen.ProvinceCode == r.ProvinceCode))
            .Select(r => new RegencyEntry(r.Code, r.Name, r.ProvinceCode))
            .ToDictionaryAsync(r => r.Code, StringComparer.Ordinal, cancellationToken);

    /// What a search found: its counts (for the words as typed, or corrected), the page actually
    /// shown (the last one when the asked page is past the end) and its ids in order.
    private sealed record SearchFound(SearchCounts Counts, string? Corrected, int Page, int PageCount, bool PageClamped, IReadOnlyList<int> Ids);

    private sealed record CountedFilters(SearchFilters Filters, SearchCounts Counts, string? Corrected, PageGuide? Guide);

    /// What the kept counts of a common word say about reading its pages (see
    /// <see cref="PageIdsOfCommonWordAsync"/>): the catalogue's size, the word's products and how
    /// many have it in their name, as of the last rebuild.
    private sealed record PageGuide(int Catalogue, int WordProducts, int WordInNames);

    private sealed record CountedPage(SearchCounts Counts, IReadOnlyList<int> Ids, PageGuide? Guide);

    private async Task<SearchFound> FindAsync(SearchFilters filters, SearchSort sort, int page, CancellationToken cancellationToken)
    {
        // Counts do not depend on the page or the order: other pages of the same search reuse them.
        var countsKey = $"search-counts:{filters.Key}";
        IReadOnlyList<int>? ids = null;
        if (!cache.TryGet<CountedFilters>(countsKey, out var counted) || counted is null)
        {
            var generation = cache.Generation;
            var first = await CountAndPageAsync(filters, sort, page, cancellationToken);
            counted = new CountedFilters(filters, first.Counts, null, first.Guide);
            ids = first.Ids;
            if (first.Counts.Total < TooFewResults && filters.Lexemes.Count > 0)
            {
                var correctedWords = await CorrectAsync(filters.Lexemes, cancellationToken);
                var correctedFilters = filters with { Lexemes = correctedWords, PrefixLastWord = true };
                var corrected = await CountAndPageAsync(correctedFilters, sort, page, cancellationToken);
                if (corrected.Counts.Total > first.Counts.Total)
                {
                    counted = new CountedFilters(correctedFilters, corrected.Counts, string.Join(' ', correctedWords.Select(w => w.Raw)), corrected.Guide);
                    ids = corrected.Ids;
                }
            }
            cache.Set(generation, countsKey, counted);
        }

        var pageCount = Math.Max(1, (int)Math.Ceiling(counted.Counts.Total / (double)PageSize));
        var clamped = page > pageCount;
        if (clamped || ids is null)
        {
            ids = counted.Guide is null || counted.Filters.ProvinceCode is not null
                ? await PageIdsAsync(counted.Filters, sort, Math.Min(page, pageCount), cancellationToken)
                : await PageIdsOfCommonWordAsync(counted.Filters, sort, Math.Min(page, pageCount), counted.Counts.Total, counted.Guide, cancellationToken);
        }
        return new SearchFound(counted.Counts, counted.Corrected, Math.Min(page, pageCount), pageCount, clamped, ids);
    }

    /// The query's words as the index holds them: stop words out, stemmed unless protected. Each
    /// word keeps its unstemmed form too, because makers' names and places are indexed as written.
    private async Task<IReadOnlyList<SearchWord>> NormalizeAsync(string q, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return [];
        }
        await using var command = dataSource.CreateCommand("SELECT melokal_document($1, true), melokal_document($1, false)");
        command.Parameters.AddWithValue(q);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var stems = reader.GetString(0).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var raws = reader.GetString(1).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return stems.Zip(raws, (stem, raw) => new SearchWord(stem, raw)).Distinct().Take(12).ToList();
    }

    /// Each word the vocabulary does not know, replaced by the nearest known word.
    private async Task<IReadOnlyList<SearchWord>> CorrectAsync(IReadOnlyList<SearchWord> words, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT w.word,
                   (SELECT t.word FROM search_terms t WHERE t.word = w.word) AS known,
                   (SELECT t.word FROM search_terms t WHERE t.word % w.word
                    ORDER BY similarity(t.word, w.word) DESC, t.ndoc DESC LIMIT 1) AS nearest
            FROM unnest($1::text[]) WITH ORDINALITY AS w(word, position)
            ORDER BY w.position
            """);
        command.Parameters.AddWithValue(words.Select(w => w.Stem).ToArray());
        var corrected = new List<SearchWord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        for (var i = 0; await reader.ReadAsync(cancellationToken); i++)
        {
            // Known, or no known word near it (a partial word still gets its prefix match): as typed.
            corrected.Add(reader.IsDBNull(1) && !reader.IsDBNull(2)
                ? new SearchWord(reader.GetString(2), reader.GetString(2))
                : words[i]);
        }
        return corrected;
    }

    private async Task<IReadOnlyList<string>> SuggestAsync(IReadOnlyList<SearchWord> words, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT DISTINCT ON (t.ndoc, t.word) t.word
            FROM unnest($1::text[]) AS w(word)
            JOIN LATERAL (SELECT word, ndoc, similarity(word, w.word) AS score FROM search_terms
                          WHERE word % w.word ORDER BY score DESC LIMIT 3) t ON true
            ORDER BY t.ndoc DESC, t.word
            LIMIT 5
            """);
        command.Parameters.AddWithValue(words.Select(w => w.Stem).ToArray());
        var suggestions = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            suggestions.Add(reader.GetString(0));
        }
        return suggestions;
    }

    /// Facet counts and the first page of ids. A search without words, or with one common word,
    /// takes its counts from the kept counts (the whole catalogue's, or the word's) when it can;
    /// any other groups its matching rows once (see <see cref="CountLiveAsync"/>).
    private async Task<CountedPage> CountAndPageAsync(SearchFilters filters, SearchSort sort, int page, CancellationToken cancellationToken)
    {
        if (filters.KeptCountsWord is { } word)
        {
            var kept = await CountFromKeptCountsAsync(filters, word, sort, page, cancellationToken);
            if (kept is not null)
            {
                var guide = word.Length == 0 ? null : kept.Guide;
                var ids = kept.Ids
                    ?? (guide is null
                        ? await PageIdsAsync(filters, sort, page, cancellationToken)
                        : await PageIdsOfCommonWordAsync(filters, sort, page, kept.Counts.Total, guide, cancellationToken));
                return new CountedPage(kept.Counts, ids, guide);
            }
        }
        var (counts, liveIds) = await CountLiveAsync(filters, sort, page, cancellationToken);
        return new CountedPage(counts, liveIds, null);
    }

    /// Groups the matching rows of product_search by everything a facet needs (category, province,
    /// regency in the chosen province, price band, inside the price filter, certificates valid
    /// today) and takes the page of ids from the same rows, in one statement. The facets are
    /// summed from the groups in <see cref="FacetGroup.Sum"/>.
    private async Task<(SearchCounts Counts, IReadOnlyList<int> Ids)> CountLiveAsync(
        SearchFilters filters, SearchSort sort, int page, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand();
        var where = filters.Conditions(command);
        command.CommandText = $"""
            WITH {RowsWithFacetKeys("m", filters, where, sort, where.Text)}
            {GroupsAndPage("m", filters, sort, page, command)}
            """;

        var groups = new List<FacetGroup>();
        var ids = new List<int>(PageSize);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (reader.GetString(0) == "i")
            {
                ids.AddRange(ParseIds(reader.IsDBNull(8) ? "" : reader.GetString(8)));
                continue;
            }
            groups.Add(ReadGroup(reader));
        }
        return (FacetGroup.Sum(groups, groups, filters.Criteria), ids);
    }

    /// The matching rows (within <paramref name="scope"/>) with what facets and the page need, as
    /// a CTE named <paramref name="name"/>. In the relevance order, results with every word in
    /// their name come first, newest first within each.
    private static string RowsWithFacetKeys(string name, SearchFilters filters, SqlConditions where, SearchSort sort, string scope,
        string moreColumns = "")
    {
        var shown = $"{where.Category} AND {where.Province} AND {where.Regency} AND {where.Price} AND {where.Certification}";
        var named = sort == SearchSort.Relevan && filters.Lexemes.Count > 0
            ? $"CASE WHEN {shown} THEN search_vector @@ @name_tsquery ELSE false END"
            : "false";
        return $"""
            {name} AS MATERIALIZED (
                SELECT id, published_at, price_min, price_order, category_id, province_code,
                       {(filters.ProvinceCode is null ? "NULL::varchar" : "CASE WHEN province_code = @province THEN regency_code END")} AS regency,
                       product_search_band(price_min) AS band,
                       {where.Price} AS in_price,
                       product_search_flags(tkdn_valid_until, halal_valid_until, sni_valid_until, pdn_valid_until, @today) AS flags,
                       {shown} AS shown,
                       {named} AS name_match{moreColumns}
                FROM product_search
                WHERE {scope}
            )
            """;
    }

    /// The groups of the rows in CTE <paramref name="name"/> (source "g") and their page of ids in
    /// order (source "i", one row), in the columns <see cref="ReadGroup"/> reads.
    private static string GroupsAndPage(string name, SearchFilters filters, SearchSort sort, int page, NpgsqlCommand command)
    {
        command.Parameters.AddWithValue("take", PageSize);
        command.Parameters.AddWithValue("skip", (page - 1) * PageSize);
        var order = OrderBy(sort, filters.Lexemes.Count > 0);
        return $"""
            SELECT 'g', category_id, province_code, regency, band, in_price, flags, count(*)::int, NULL::text
            FROM {name} GROUP BY category_id, province_code, regency, band, in_price, flags
            UNION ALL
            SELECT 'i', NULL, NULL, NULL, NULL, NULL, NULL, NULL, string_agg(id::text, ',' ORDER BY {order})
            FROM (SELECT id, name_match, published_at, price_min, price_order FROM {name}
                  WHERE shown ORDER BY {order} LIMIT @take OFFSET @skip) AS page
            """;
    }

    /// A kept group: the step is in the band's column.
    private static KeptGroup ReadKeptGroup(NpgsqlDataReader reader) =>
        new(reader.GetInt32(1), reader.GetString(2), reader.GetInt16(4), reader.GetInt16(6), reader.GetInt32(7));

    private static FacetGroup ReadGroup(NpgsqlDataReader reader) =>
        new(reader.GetInt32(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
            reader.GetInt16(4), !reader.IsDBNull(5) && reader.GetBoolean(5), reader.GetInt16(6), reader.GetInt32(7));

    /// What the kept counts gave: the counts, the page when it came with them (a chosen province),
    /// and what guides reading the page otherwise.
    private sealed record KeptCounts(SearchCounts Counts, IReadOnlyList<int>? Ids, PageGuide Guide);

    /// The counts of a search without words, or with one common word, from the kept counts
    /// (product_facet_counts or product_word_facet_counts: today's groups per price step,
    /// kept by triggers, rebuilt when the day turns by FacetCountsRebuilder). Two kinds of rows are
    /// still read, in the same statement: those in price steps only partly inside the price
    /// filter, and, with a province chosen, the matching rows of that province (for its regencies
    /// and the page). Null when the counts are not today's or the word is not kept.
    private async Task<KeptCounts?> CountFromKeptCountsAsync(
        SearchFilters filters, string word, SearchSort sort, int page, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand();
        var where = filters.Conditions(command);
        command.Parameters.AddWithValue("word", word);
        var kept = word.Length == 0
            ? "product_facet_counts WHERE products > 0"
            : "product_word_facet_counts WHERE word = @word AND products > 0";
        var partlyCovered = FacetGroup.PartlyCoveredPrices(filters.PriceMin, filters.PriceMax).Select((range, i) =>
        {
            command.Parameters.AddWithValue($"partly_from{i}", range.From);
            command.Parameters.AddWithValue($"partly_to{i}", range.To);
            return $"price_min BETWEEN @partly_from{i} AND @partly_to{i}";
        }).ToList();
        var inPartlyCoveredSteps = partlyCovered.Count == 0 ? "false" : $"({string.Join(" OR ", partlyCovered)})";
        var flags = "product_search_flags(tkdn_valid_until, halal_valid_until, sni_valid_until, pdn_valid_until, @today)";

        // Only the groups the facets will look at, summed over what they will not look at (see
        // FacetGroup.Sum): with a province chosen, the catalogue's groups feed only the province
        // facet, within the chosen categories; with categories chosen, the groups of the other
        // categories feed only the category facet, whatever their province.
        string keptRows, partlyRows, scope;
        if (filters.ProvinceCode is not null)
        {
            // Summed by province and band within the chosen categories and certificates, and
            // labelled as one of those categories with those certificates, as the facet asks.
            command.Parameters.AddWithValue("category", filters.CategoryIds?[0] ?? 0);
            command.Parameters.AddWithValue("certified", (short)filters.Criteria.CertificationFlags);
            keptRows = $"""
                SELECT 'c', @category, province_code, NULL, step, NULL, @certified, sum(products)::int, NULL
                FROM {kept} AND {where.Category} AND flags & @certified = @certified AND (SELECT current FROM day)
                GROUP BY province_code, step
                """;
            partlyRows = $"""
                SELECT 'x', @category, province_code, NULL, product_search_step(price_min), true, @certified, count(*)::int, NULL
                FROM p WHERE in_partly AND {where.Category} AND flags & @certified = @certified
                GROUP BY province_code, product_search_step(price_min)
                """;
            // One read of the word's index for both: the province's rows and the partly covered steps'.
            scope = $"{where.Text} AND (province_code = @province OR {inPartlyCoveredSteps})";
        }
        else
        {
            if (filters.CategoryIds is null)
            {
                keptRows = $"SELECT 'c', category_id, province_code, NULL, step, NULL, flags, products, NULL FROM {kept} AND (SELECT current FROM day)";
                partlyRows = $"""
                    SELECT 'x', category_id, province_code, NULL, product_search_step(price_min), true, {flags}, count(*)::int, NULL
                    FROM product_search WHERE {where.Text} AND {inPartlyCoveredSteps} AND (SELECT current FROM day)
                    GROUP BY 2, 3, 5, 7
                    """;
            }
            else
            {
                // The other categories' groups, by category and step within the chosen
                // certificates: all the category facet needs of them.
                command.Parameters.AddWithValue("certified", (short)filters.Criteria.CertificationFlags);
                keptRows = $"""
                    SELECT 'c', category_id, province_code, NULL, step, NULL, flags, products, NULL
                    FROM {kept} AND {where.Category} AND (SELECT current FROM day)
                    UNION ALL
                    SELECT 'c', category_id, '', NULL, step, NULL, @certified, sum(products)::int, NULL
                    FROM {kept} AND NOT {where.Category} AND flags & @certified = @certified AND (SELECT current FROM day)
                    GROUP BY category_id, step
                    """;
                partlyRows = $"""
                    SELECT 'x', category_id, CASE WHEN {where.Category} THEN province_code ELSE '' END, NULL,
                           product_search_step(price_min), true, CASE WHEN {where.Category} THEN {flags} ELSE @certified END, count(*)::int, NULL
                    FROM product_search
                    WHERE {where.Text} AND {inPartlyCoveredSteps} AND ({where.Category} OR {where.Certification}) AND (SELECT current FROM day)
                    GROUP BY 2, 3, 5, 7
                    """;
            }
            scope = "";
        }
        var provinceRows = "";
        if (filters.ProvinceCode is not null)
        {
            provinceRows = $"""
                , {RowsWithFacetKeys("p", filters, where, sort, scope, $", province_code = @province AS in_province, {inPartlyCoveredSteps} AS in_partly")}
                , province_rows AS (SELECT * FROM p WHERE in_province)
                """;
        }
        command.CommandText = $"""
            WITH day AS (SELECT as_of = @today AS current FROM product_facet_counts_day){provinceRows}
            SELECT 'd', NULL::int, NULL::varchar, NULL::varchar, NULL::smallint, NULL::boolean, NULL::smallint,
                   (SELECT reltuples::int FROM pg_class WHERE oid = 'product_search'::regclass), NULL::text
            WHERE (SELECT current FROM day)
            UNION ALL
            SELECT 'w', in_names, NULL, NULL, NULL, NULL, NULL, products, NULL FROM product_facet_words WHERE word = @word
            UNION ALL
            {keptRows}
            {(partlyCovered.Count == 0 ? "" : $"UNION ALL {partlyRows}")}
            {(filters.ProvinceCode is null ? "" : $"UNION ALL {GroupsAndPage("province_rows", filters, sort, page, command)}")}
            """;

        var (current, catalogue, wordProducts, wordInNames) = (false, 0, 0, 0);
        var keptGroups = new List<KeptGroup>();
        var insideOfPartlySteps = new List<KeptGroup>();
        var provinceGroups = new List<FacetGroup>();
        List<int>? ids = null;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                switch (reader.GetString(0))
                {
                    case "d":
                        (current, catalogue) = (true, reader.GetInt32(7));
                        break;
                    case "w":
                        (wordInNames, wordProducts) = (reader.GetInt32(1), reader.GetInt32(7));
                        break;
                    case "c":
                        keptGroups.Add(ReadKeptGroup(reader));
                        break;
                    case "x":
                        insideOfPartlySteps.Add(ReadKeptGroup(reader));
                        break;
                    case "g":
                        provinceGroups.Add(ReadGroup(reader));
                        break;
                    default:
                        ids = ParseIds(reader.IsDBNull(8) ? "" : reader.GetString(8)).ToList();
                        break;
                }
            }
        }
        if (!current || (word.Length > 0 && wordProducts == 0))
        {
            return null;
        }
        // With a province chosen, every facet but the province's own counts within it (and needs
        // the regencies); the province facet counts across the catalogue.
        var catalogueGroups = FacetGroup.SplitByPrice(keptGroups, insideOfPartlySteps, filters.PriceMin, filters.PriceMax);
        var counts = filters.ProvinceCode is null
            ? FacetGroup.Sum(catalogueGroups, catalogueGroups, filters.Criteria)
            : FacetGroup.Sum(provinceGroups, catalogueGroups, filters.Criteria);
        if (filters.ProvinceCode is not null && provinceGroups.Count > 0)
        {
            // The catalogue's groups came filtered, so the chosen province may be missing from
            // them; it is listed (at zero) whenever it has matching products at all.
            counts.Provinces.TryAdd(filters.ProvinceCode, 0);
        }
        return new KeptCounts(counts, ids, new PageGuide(catalogue, wordProducts, wordInNames));
    }

    /// A page of a common word's results without counting them: each part of the order (in the
    /// relevance order, results with the word in their name, then the rest) is read either by
    /// walking the index of that order until the page is full, or through the word's index and a
    /// sort, whichever reads fewer rows by the counts already known.
    private async Task<List<int>> PageIdsOfCommonWordAsync(
        SearchFilters filters, SearchSort sort, int page, int total, PageGuide kept, CancellationToken cancellationToken)
    {
        var wanted = page * PageSize;
        if (sort != SearchSort.Relevan)
        {
            var all = await ReadPagePartAsync(filters, sort, WordPart.All, wanted, total, kept.Catalogue, cancellationToken);
            return all.Skip(wanted - PageSize).ToList();
        }
        var namedEstimate = (int)((long)total * kept.WordInNames / Math.Max(1, kept.WordProducts));
        var named = await ReadPagePartAsync(filters, sort, WordPart.InName, wanted, namedEstimate, kept.Catalogue, cancellationToken);
        if (named.Count < wanted)
        {
            // The named results ran out before the page was full: now their number is known.
            named.AddRange(await ReadPagePartAsync(filters, sort, WordPart.NotInName, wanted - named.Count,
                total - named.Count, kept.Catalogue, cancellationToken));
        }
        return named.Skip(wanted - PageSize).ToList();
    }

    private enum WordPart
    {
        All,
        InName,
        NotInName,
    }

    private async Task<List<int>> ReadPagePartAsync(SearchFilters filters, SearchSort sort, WordPart part, int wanted,
        int matching, int catalogue, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand();
        var where = filters.Conditions(command);
        // Walking the order's index reads about wanted × catalogue ÷ matching rows; the word's
        // index reads every matching row. The catalogue's size is PostgreSQL's estimate (-1
        // before the table was first analysed: then the index, which is never far wrong).
        var walk = catalogue > 0 && (long)wanted * catalogue / Math.Max(1, matching) < matching;
        // Written as function calls, the word conditions cannot use an index, so the planner walks
        // the index of the order; written as operators, they use the word indexes.
        var text = (part, walk) switch
        {
            (WordPart.InName, true) => "ts_match_vq(search_vector, @name_tsquery)",
            (WordPart.InName, false) => "ts_filter(search_vector, '{a}') @@ @tsquery",
            (WordPart.NotInName, true) => "ts_match_vq(search_vector, @tsquery) AND NOT ts_match_vq(search_vector, @name_tsquery)",
            (WordPart.NotInName, false) => "search_vector @@ @tsquery AND NOT search_vector @@ @name_tsquery",
            (_, true) => "ts_match_vq(search_vector, @tsquery)",
            _ => "search_vector @@ @tsquery",
        };
        var order = OrderBy(sort == SearchSort.Relevan ? SearchSort.Terbaru : sort, ranked: false);
        var matchingRows = $"""
            SELECT id, published_at, price_min, price_order FROM product_search
            WHERE {text} AND {where.Category} AND {where.Province} AND {where.Regency} AND {where.Price} AND {where.Certification}
            """;
        // OFFSET 0 keeps the sort outside, so the rows come from the word's index.
        command.CommandText = walk
            ? $"{matchingRows} ORDER BY {order} LIMIT @wanted"
            : $"SELECT id FROM ({matchingRows} OFFSET 0) AS matching ORDER BY {order} LIMIT @wanted";
        command.Parameters.AddWithValue("wanted", wanted);
        var ids = new List<int>(wanted);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetInt32(0));
        }
        return ids;
    }

    private static IEnumerable<int> ParseIds(string ids) =>
        ids.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(id => int.Parse(id, CultureInfo.InvariantCulture));

    /// The order of results, in columns both product_search and the search CTE have.
    private static string OrderBy(SearchSort sort, bool ranked) => sort switch
    {
        SearchSort.Relevan when ranked => "name_match DESC, published_at DESC, id DESC",
        SearchSort.Termurah => "price_min, id",
        SearchSort.Termahal => "price_order DESC, id DESC",
        _ => "published_at DESC, id DESC",
    };

    private async Task<List<int>> PageIdsAsync(SearchFilters filters, SearchSort sort, int page, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand();
        var where = filters.Conditions(command);
        var ranked = sort == SearchSort.Relevan && filters.Lexemes.Count > 0;
        command.CommandText = $"""
            SELECT id FROM (
                SELECT id, published_at, price_min, price_order, {(ranked ? "search_vector @@ @name_tsquery" : "false")} AS name_match
                FROM product_search
                WHERE {where.Text} AND {where.Category} AND {where.Province} AND {where.Regency}
                  AND {where.Price} AND {where.Certification}) AS matching
            ORDER BY {OrderBy(sort, ranked)}
            LIMIT @take OFFSET @skip
            """;
        command.Parameters.AddWithValue("take", PageSize);
        command.Parameters.AddWithValue("skip", (page - 1) * PageSize);
        var ids = new List<int>(PageSize);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetInt32(0));
        }
        return ids;
    }

    private static SearchFacets BuildFacets(SearchCounts counts, SearchReference reference, IReadOnlyDictionary<string, string> regencyNames,
        SearchReference.CategoryEntry? category,
        SearchReference.ProvinceEntry? province, string? regencyCode, ProductSearchInput input)
    {
        // Categories: the top level with their children's counts summed; the children of the chosen one.
        var categories = new List<FacetValue>();
        var parentOfChosen = category?.ParentSlug ?? category?.Slug;
        foreach (var top in reference.Categories.Values.Where(c => c.ParentSlug is null).OrderBy(c => c.SortOrder))
        {
            var n = top.Ids.Sum(id => counts.Categories.GetValueOrDefault(id));
            if (n > 0 || top.Slug == parentOfChosen)
            {
                categories.Add(new FacetValue(top.Slug, top.Name, n, top.Slug == category?.Slug));
            }
            if (top.Slug == parentOfChosen)
            {
                foreach (var child in reference.Categories.Values.Where(c => c.ParentSlug == top.Slug).OrderBy(c => c.SortOrder))
                {
                    var childCount = counts.Categories.GetValueOrDefault(child.Ids[0]);
                    if (childCount > 0 || child.Slug == category?.Slug)
                    {
                        categories.Add(new FacetValue(child.Slug, child.Name, childCount, child.Slug == category?.Slug));
                    }
                }
            }
        }
        var provinces = counts.Provinces
            .Where(p => reference.ProvincesByCode.ContainsKey(p.Key) && (p.Value > 0 || p.Key == province?.Code))
            .Select(p => new FacetValue(reference.ProvincesByCode[p.Key].Slug, reference.ProvincesByCode[p.Key].Name, p.Value, p.Key == province?.Code))
            .OrderByDescending(f => f.Count).ThenBy(f => f.Label, StringComparer.Ordinal)
            .ToList();
        var regencies = counts.Regencies
            .Where(r => r.Value > 0 || r.Key == regencyCode)
            .Select(r => new FacetValue(r.Key, regencyNames.GetValueOrDefault(r.Key, r.Key), r.Value, r.Key == regencyCode))
            .OrderByDescending(f => f.Count).ThenBy(f => f.Label, StringComparer.Ordinal)
            .ToList();
        var certifications = new[] { CertificationFilter.Pdn, CertificationFilter.Tkdn, CertificationFilter.Halal, CertificationFilter.Sni }
            .Select(c => new FacetValue(c.ToString().ToLowerInvariant(), CertificationLabel(c),
                counts.Totals.GetValueOrDefault(c.ToString().ToLowerInvariant()), input.Sertifikasi.Contains(c)))
            .ToList();
        var bands = PriceBands
            .Select((band, i) => new FacetValue(band.Key, band.Key, counts.Totals.GetValueOrDefault($"band{i}"),
                input.HargaMin == band.Min && input.HargaMaks == band.Max))
            .Where(band => band.Count > 0 || band.Selected)
            .ToList();
        return new SearchFacets(categories, provinces, regencies, certifications, bands);
    }

    public static string CertificationLabel(CertificationFilter filter) => filter switch
    {
        CertificationFilter.Pdn => "PDN",
        CertificationFilter.Tkdn => "TKDN",
        CertificationFilter.Halal => "Halal",
        _ => "SNI",
    };

    /// The filters of one search, written as SQL conditions with their parameters.
    /// A query word as indexed (stemmed unless protected) and as typed (for names and places).
    private sealed record SearchWord(string Stem, string Raw);

    private sealed record SearchFilters(
        IReadOnlyList<SearchWord> Lexemes,
        IReadOnlyList<int>? CategoryIds,
        string? ProvinceCode,
        string? RegencyCode,
        long? PriceMin,
        long? PriceMax,
        IReadOnlyList<CertificationFilter> Certifications,
        DateOnly Today)
    {
        public bool PrefixLastWord { get; init; }

        public SqlConditions Conditions(DbCommand command)
        {
            var parameters = (NpgsqlParameterCollection)command.Parameters;
            parameters.AddWithValue("today", NpgsqlDbType.Date, Today);
            var text = "true";
            if (Lexemes.Count > 0)
            {
                // A typed tsquery, not text for to_tsquery(): a generic (prepared) plan would call
                // to_tsquery again for every row it checks.
                parameters.Add(new NpgsqlParameter("tsquery", NpgsqlDbType.TsQuery) { Value = TsQuery(NpgsqlTsQueryLexeme.Weight.None) });
                parameters.Add(new NpgsqlParameter("name_tsquery", NpgsqlDbType.TsQuery) { Value = TsQuery(NpgsqlTsQueryLexeme.Weight.A) });
                text = "search_vector @@ @tsquery";
            }
            var category = "true";
            if (CategoryIds is { Count: > 0 })
            {
                parameters.AddWithValue("categories", CategoryIds.ToArray());
                category = "category_id = ANY(@categories)";
            }
            var province = "true";
            if (ProvinceCode is not null)
            {
                parameters.AddWithValue("province", ProvinceCode);
                province = "province_code = @province";
            }
            var regency = "true";
            if (RegencyCode is not null)
            {
                parameters.AddWithValue("regency", RegencyCode);
                regency = "regency_code = @regency";
            }
            var prices = new List<string>();
            if (PriceMin is { } min)
            {
                parameters.AddWithValue("price_min", min);
                prices.Add("price_min >= @price_min");
            }
            if (PriceMax is { } max)
            {
                parameters.AddWithValue("price_max", max);
                prices.Add("price_min <= @price_max");
            }
            var certifications = Certifications.Select(c => c switch
            {
                CertificationFilter.Tkdn => "tkdn_valid_until >= @today",
                CertificationFilter.Halal => "halal_valid_until >= @today",
                CertificationFilter.Sni => "sni_valid_until >= @today",
                _ => "pdn_valid_until >= @today",
            }).ToList();
            return new SqlConditions(
                text,
                category,
                province,
                regency,
                prices.Count == 0 ? "true" : $"({string.Join(" AND ", prices)})",
                certifications.Count == 0 ? "true" : $"({string.Join(" AND ", certifications)})");
        }

        /// The word whose kept counts can answer this search: "" for a search without words; the
        /// word itself for one whole word that stemming leaves as typed (its kept counts are the
        /// counts of exactly that lexeme); null for any other search.
        public string? KeptCountsWord => Lexemes.Count switch
        {
            0 => "",
            1 when !PrefixLastWord && Lexemes[0].Stem == Lexemes[0].Raw => Lexemes[0].Stem,
            _ => null,
        };

        /// Every word must match, stemmed or as typed; with <see cref="PrefixLastWord"/> the last may
        /// be the start of a word. With weight A, every word must be in the name.
        private NpgsqlTsQuery TsQuery(NpgsqlTsQueryLexeme.Weight weight) =>
            Lexemes.Select((word, i) =>
                {
                    var prefix = PrefixLastWord && i == Lexemes.Count - 1;
                    NpgsqlTsQuery stem = new NpgsqlTsQueryLexeme(word.Stem, weight, prefix);
                    return word.Stem == word.Raw ? stem : new NpgsqlTsQueryOr(stem, new NpgsqlTsQueryLexeme(word.Raw, weight, prefix));
                })
                .Aggregate((left, right) => new NpgsqlTsQueryAnd(left, right));

        public FacetCriteria Criteria => new(
            CategoryIds is { Count: > 0 } ? CategoryIds.ToHashSet() : null,
            ProvinceCode,
            RegencyCode,
            Certifications.Aggregate(0, (flags, c) => flags | FacetGroup.FlagOf(c)));

        /// Says what the filters select, for cache keys.
        public string Key =>
            string.Join('|',
                string.Join(' ', Lexemes.Select(w => $"{w.Stem}/{w.Raw}")),
                PrefixLastWord ? "prefix" : "",
                CategoryIds is null ? "" : string.Join(',', CategoryIds),
                ProvinceCode, RegencyCode,
                PriceMin?.ToString(CultureInfo.InvariantCulture), PriceMax?.ToString(CultureInfo.InvariantCulture),
                string.Join(',', Certifications),
                Today.ToString("O", CultureInfo.InvariantCulture));
    }

    private sealed record SqlConditions(string Text, string Category, string Province, string Regency, string Price, string Certification);
}
