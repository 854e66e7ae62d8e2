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

    public async Task<ProductSearchResult> RunAsync(ProductSearchInput input, bool english, CancellationToken cancellationToken)
    {
        var today = Wib.Today(clock);
        var notes = input.Notes.ToList();
        var reference = await cache.GetOrLoadAsync($"search-reference:{english}", () => SearchReference.LoadAsync(db, english, cancellationToken));
        var regencies = await cache.GetOrLoadAsync("regencies", () => LoadRegenciesAsync(cancellationToken));

        var category = input.Kategori is null ? null : reference.Categories.GetValueOrDefault(input.Kategori);
        var province = input.Provinsi is null ? null : reference.Provinces.GetValueOrDefault(input.Provinsi);
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

    private async Task<IReadOnlyDictionary<string, RegencyEntry>> LoadRegenciesAsync(CancellationToken cancellationToken) =>
        await db.Regencies.AsNoTracking()
            .Select(r => new RegencyEntry(r.Code, r.Name, r.ProvinceCode))
            .ToDictionaryAsync(r => r.Code, StringComparer.Ordinal, cancellationToken);

    /// What a search found: its counts (for the words as typed, or corrected), the page actually
    /// shown (the last one when the asked page is past the end) and its ids in order.
    private sealed record SearchFound(SearchCounts Counts, string? Corrected, int Page, int PageCount, bool PageClamped, IReadOnlyList<int> Ids);

    private sealed record CountedFilters(SearchFilters Filters, SearchCounts Counts, string? Corrected);

    private async Task<SearchFound> FindAsync(SearchFilters filters, SearchSort sort, int page, CancellationToken cancellationToken)
    {
        // Counts do not depend on the page or the order: other pages of the same search reuse them.
        var countsKey = $"search-counts:{filters.Key}";
        IReadOnlyList<int>? ids = null;
        if (!cache.TryGet<CountedFilters>(countsKey, out var counted) || counted is null)
        {
            var generation = cache.Generation;
            var (counts, firstIds) = await CountAndPageAsync(filters, sort, page, cancellationToken);
            counted = new CountedFilters(filters, counts, null);
            ids = firstIds;
            if (counts.Total < TooFewResults && filters.Lexemes.Count > 0)
            {
                var correctedWords = await CorrectAsync(filters.Lexemes, cancellationToken);
                var correctedFilters = filters with { Lexemes = correctedWords, PrefixLastWord = true };
                var (correctedCounts, correctedIds) = await CountAndPageAsync(correctedFilters, sort, page, cancellationToken);
                if (correctedCounts.Total > counts.Total)
                {
                    counted = new CountedFilters(correctedFilters, correctedCounts, string.Join(' ', correctedWords.Select(w => w.Raw)));
                    ids = correctedIds;
                }
            }
            cache.Set(generation, countsKey, counted);
        }

        var pageCount = Math.Max(1, (int)Math.Ceiling(counted.Counts.Total / (double)PageSize));
        var clamped = page > pageCount;
        if (clamped || ids is null)
        {
            ids = await PageIdsAsync(counted.Filters, sort, Math.Min(page, pageCount), cancellationToken);
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

    /// Facet counts and the first page of ids. A search without words takes its counts from the
    /// day's counts of the whole catalogue when it can; one with words groups its matching rows
    /// once (see <see cref="CountLiveAsync"/>).
    private async Task<(SearchCounts Counts, IReadOnlyList<int> Ids)> CountAndPageAsync(
        SearchFilters filters, SearchSort sort, int page, CancellationToken cancellationToken)
    {
        if (filters.Lexemes.Count == 0 && FacetGroup.PriceFilterOnBandEdges(filters.PriceMin, filters.PriceMax))
        {
            var counts = await CountFromDailyCountsAsync(filters, cancellationToken);
            if (counts is not null)
            {
                return (counts, await PageIdsAsync(filters, sort, page, cancellationToken));
            }
        }
        return await CountLiveAsync(filters, sort, page, cancellationToken);
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
        var ranked = sort == SearchSort.Relevan && filters.Lexemes.Count > 0;
        var shown = $"{where.Category} AND {where.Province} AND {where.Regency} AND {where.Price} AND {where.Certification}";
        command.Parameters.AddWithValue("take", PageSize);
        command.Parameters.AddWithValue("skip", (page - 1) * PageSize);
        command.CommandText = $"""
            WITH m AS MATERIALIZED (
                SELECT id, published_at, price_min, price_order, category_id, province_code,
                       {(filters.ProvinceCode is null ? "NULL::varchar" : "CASE WHEN province_code = @province THEN regency_code END")} AS regency,
                       product_search_band(price_min) AS band,
                       {where.Price} AS in_price,
                       product_search_flags(tkdn_valid_until, halal_valid_until, sni_valid_until, pdn_valid_until, @today) AS flags,
                       {shown} AS shown,
                       {(ranked ? $"CASE WHEN {shown} THEN ts_rank(search_vector, @tsquery) END" : "0::real")} AS rank
                FROM product_search
                WHERE {where.Text}
            )
            SELECT category_id, province_code, regency, band, in_price, flags, count(*)::int, NULL::text
            FROM m GROUP BY category_id, province_code, regency, band, in_price, flags
            UNION ALL
            SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL, string_agg(id::text, ',' ORDER BY {OrderBy(sort, ranked)})
            FROM (SELECT id, rank, published_at, price_min, price_order FROM m
                  WHERE shown ORDER BY {OrderBy(sort, ranked)} LIMIT @take OFFSET @skip) AS page
            """;

        var groups = new List<FacetGroup>();
        var ids = new List<int>(PageSize);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (reader.IsDBNull(0))
            {
                ids.AddRange(ParseIds(reader.IsDBNull(7) ? "" : reader.GetString(7)));
                continue;
            }
            groups.Add(new FacetGroup(reader.GetInt32(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetInt16(3), reader.GetBoolean(4), reader.GetInt16(5), reader.GetInt32(6)));
        }
        return (FacetGroup.Sum(groups, groups, filters.Criteria), ids);
    }

    /// The counts of a search without words, from product_facet_counts: the whole catalogue's
    /// groups for today (kept by triggers, rebuilt when the day turns by FacetCountsRebuilder),
    /// plus the chosen province's products grouped with their regencies. Null when the counts are
    /// not yet today's.
    private async Task<SearchCounts?> CountFromDailyCountsAsync(SearchFilters filters, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand();
        command.Parameters.AddWithValue("today", NpgsqlDbType.Date, filters.Today);
        var province = "";
        if (filters.ProvinceCode is not null)
        {
            command.Parameters.AddWithValue("province", filters.ProvinceCode);
            province = """
                UNION ALL
                SELECT 'p', category_id, province_code, regency_code, product_search_band(price_min),
                       product_search_flags(tkdn_valid_until, halal_valid_until, sni_valid_until, pdn_valid_until, @today), count(*)::int
                FROM product_search WHERE province_code = @province
                GROUP BY 2, 3, 4, 5, 6
                """;
        }
        command.CommandText = $"""
            WITH day AS (SELECT as_of = @today AS current FROM product_facet_counts_day)
            SELECT 'd', NULL, NULL, NULL, NULL, NULL, NULL WHERE (SELECT current FROM day)
            UNION ALL
            SELECT 'c', category_id, province_code, NULL, band, flags, products
            FROM product_facet_counts WHERE products > 0 AND (SELECT current FROM day)
            {province}
            """;

        var current = false;
        var catalogue = new List<FacetGroup>();
        var inProvince = new List<FacetGroup>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var source = reader.GetString(0);
                if (source == "d")
                {
                    current = true;
                    continue;
                }
                var band = reader.GetInt16(4);
                var group = new FacetGroup(reader.GetInt32(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                    band, FacetGroup.BandInPrice(band, filters.PriceMin, filters.PriceMax), reader.GetInt16(5), reader.GetInt32(6));
                (source == "c" ? catalogue : inProvince).Add(group);
            }
        }
        if (!current)
        {
            return null;
        }
        // With a province chosen, every facet but the province's own counts within it (and needs
        // the regencies); the province facet counts across the catalogue.
        return filters.ProvinceCode is null
            ? FacetGroup.Sum(catalogue, catalogue, filters.Criteria)
            : FacetGroup.Sum(inProvince, catalogue, filters.Criteria);
    }

    private static IEnumerable<int> ParseIds(string ids) =>
        ids.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(id => int.Parse(id, CultureInfo.InvariantCulture));

    /// The order of results, in columns both product_search and the search CTE have.
    private static string OrderBy(SearchSort sort, bool ranked) => sort switch
    {
        SearchSort.Relevan when ranked => "rank DESC, published_at DESC, id DESC",
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
                SELECT id, published_at, price_min, price_order, {(ranked ? "ts_rank(search_vector, @tsquery)" : "0::real")} AS rank
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
                parameters.Add(new NpgsqlParameter("tsquery", NpgsqlDbType.TsQuery) { Value = TsQuery() });
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

        /// Every word must match, stemmed or as typed; with <see cref="PrefixLastWord"/> the last may
        /// be the start of a word.
        private NpgsqlTsQuery TsQuery() =>
            Lexemes.Select((word, i) =>
                {
                    var prefix = PrefixLastWord && i == Lexemes.Count - 1;
                    NpgsqlTsQuery stem = new NpgsqlTsQueryLexeme(word.Stem, NpgsqlTsQueryLexeme.Weight.None, prefix);
                    return word.Stem == word.Raw ? stem : new NpgsqlTsQueryOr(stem, new NpgsqlTsQueryLexeme(word.Raw, NpgsqlTsQueryLexeme.Weight.None, prefix));
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
