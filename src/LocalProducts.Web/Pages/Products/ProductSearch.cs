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
/// One SQL statement reads the matching rows once and returns both the facet counts and the page
/// of ids; the cards are a second, small statement. Typo correction through the trigram index of
/// the vocabulary runs only when the words as typed find too little. Counts, pages and reference
/// lists are kept for a minute in the <see cref="CatalogueCache"/> (cleared on every instance when
/// the catalogue changes); cards are always read fresh.
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
        var position = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var cards = ids.Length == 0
            ? []
            : (await db.Products.AsNoTracking()
                .Where(p => ids.Contains(p.Id))
                .Select(ProductCard.Projection(today, english))
                .ToListAsync(cancellationToken))
              .OrderBy(c => position[c.Id])
              .ToList();

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

    /// Facet counts and the page of ids from one pass over the matching rows (the CTE is read
    /// once from the table, then several times from memory). Each facet counts with every other
    /// filter applied but its own, so a reader sees what choosing another value would give.
    private async Task<(SearchCounts Counts, IReadOnlyList<int> Ids)> CountAndPageAsync(
        SearchFilters filters, SearchSort sort, int page, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand();
        var where = filters.Conditions(command);
        var ranked = sort == SearchSort.Relevan && filters.Lexemes.Count > 0;
        command.Parameters.AddWithValue("take", PageSize);
        command.Parameters.AddWithValue("skip", (page - 1) * PageSize);
        command.CommandText = $"""
            WITH m AS (
                SELECT id, published_at, price_max, category_id, province_code, regency_code, price_min,
                       {(ranked ? "ts_rank(search_vector, @tsquery)" : "0::real")} AS rank,
                       coalesce(tkdn_valid_until >= @today, false) AS tkdn,
                       coalesce(halal_valid_until >= @today, false) AS halal,
                       coalesce(sni_valid_until >= @today, false) AS sni,
                       coalesce(pdn_valid_until >= @today, false) AS pdn,
                       {where.Category} AS f_cat, {where.Province} AS f_prov, {where.Regency} AS f_kota,
                       {where.Price} AS f_price, {where.Certification} AS f_cert
                FROM products
                WHERE state = 2 AND {where.Text}
            )
            SELECT 'c' AS facet, category_id::text AS key, count(*) FILTER (WHERE f_prov AND f_kota AND f_price AND f_cert) AS n
            FROM m GROUP BY category_id
            UNION ALL
            SELECT 'p', province_code, count(*) FILTER (WHERE f_cat AND f_price AND f_cert) FROM m GROUP BY province_code
            UNION ALL
            SELECT 'r', regency_code, count(*) FILTER (WHERE f_cat AND f_prov AND f_price AND f_cert) FROM m
            WHERE {(filters.ProvinceCode is null ? "false" : "province_code = @province")} GROUP BY regency_code
            UNION ALL
            SELECT 't', unnest(ARRAY['total', 'tkdn', 'halal', 'sni', 'pdn', {string.Join(", ", PriceBands.Select((_, i) => $"'band{i}'"))}]),
                   unnest(ARRAY[
                       count(*) FILTER (WHERE f_cat AND f_prov AND f_kota AND f_price AND f_cert),
                       count(*) FILTER (WHERE tkdn AND f_cat AND f_prov AND f_kota AND f_price AND f_cert),
                       count(*) FILTER (WHERE halal AND f_cat AND f_prov AND f_kota AND f_price AND f_cert),
                       count(*) FILTER (WHERE sni AND f_cat AND f_prov AND f_kota AND f_price AND f_cert),
                       count(*) FILTER (WHERE pdn AND f_cat AND f_prov AND f_kota AND f_price AND f_cert),
                       {string.Join(",\n", PriceBands.Select(band => $"count(*) FILTER (WHERE {BandCondition(band)} AND f_cat AND f_prov AND f_kota AND f_cert)"))}])
            FROM m
            UNION ALL
            SELECT 'i', string_agg(id::text, ',' ORDER BY {OrderBy(sort, ranked)}), 0
            FROM (SELECT id, rank, published_at, price_min, price_max FROM m
                  WHERE f_cat AND f_prov AND f_kota AND f_price AND f_cert
                  ORDER BY {OrderBy(sort, ranked)} LIMIT @take OFFSET @skip) AS page
            """;

        var counts = new SearchCounts();
        var ids = new List<int>(PageSize);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var facet = reader.GetString(0);
            var key = reader.IsDBNull(1) ? "" : reader.GetString(1);
            var n = (int)reader.GetInt64(2);
            switch (facet)
            {
                case "c": counts.Categories[int.Parse(key, CultureInfo.InvariantCulture)] = n; break;
                case "p": counts.Provinces[key] = n; break;
                case "r": counts.Regencies[key] = n; break;
                case "i": ids.AddRange(key.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(id => int.Parse(id, CultureInfo.InvariantCulture))); break;
                default: counts.Totals[key] = n; break;
            }
        }
        return (counts, ids);
    }

    /// The order of results, in columns both the products table and the search CTE have.
    private static string OrderBy(SearchSort sort, bool ranked) => sort switch
    {
        SearchSort.Relevan when ranked => "rank DESC, published_at DESC, id DESC",
        SearchSort.Termurah => "price_min, id",
        SearchSort.Termahal => "coalesce(price_max, price_min) DESC, id DESC",
        _ => "published_at DESC, id DESC",
    };

    private static string BandCondition(PriceBand band) =>
        (band.Min, band.Max) switch
        {
            (null, { } max) => $"price_min <= {max}",
            ({ } min, null) => $"price_min >= {min}",
            ({ } min, { } max) => $"price_min BETWEEN {min} AND {max}",
            _ => "true",
        };

    private async Task<List<int>> PageIdsAsync(SearchFilters filters, SearchSort sort, int page, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand();
        var where = filters.Conditions(command);
        var ranked = sort == SearchSort.Relevan && filters.Lexemes.Count > 0;
        var order = OrderBy(sort, ranked);
        command.CommandText = $"""
            SELECT id FROM (
                SELECT id, published_at, price_min, price_max, {(ranked ? "ts_rank(search_vector, @tsquery)" : "0::real")} AS rank
                FROM products
                WHERE state = 2 AND {where.Text} AND {where.Category} AND {where.Province} AND {where.Regency}
                  AND {where.Price} AND {where.Certification}) AS matching
            ORDER BY {order}
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

    private sealed class SearchCounts
    {
        public Dictionary<int, int> Categories { get; } = [];
        public Dictionary<string, int> Provinces { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, int> Regencies { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, int> Totals { get; } = new(StringComparer.Ordinal);
        public int Total => Totals.GetValueOrDefault("total");
    }

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
