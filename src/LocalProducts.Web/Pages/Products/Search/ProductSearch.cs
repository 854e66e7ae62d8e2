using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LocalProducts.Web.Pages.Products.Search;

public sealed record FacetValue(string Key, string Label, int Count, bool Selected);

public sealed record PriceBand(string Key, long? Min, long? Max);

public sealed record SearchFacets(
    IReadOnlyList<FacetValue> Categories,
    IReadOnlyList<FacetValue> Provinces,
    IReadOnlyList<FacetValue> Regencies,
    IReadOnlyList<FacetValue> Certifications,
    IReadOnlyList<FacetValue> PriceBands)
{
    /// Products of e-Smart IKM alumni among the results (with every other filter applied).
    public FacetValue? Alumni { get; init; }
}

/// CorrectedQuery: the words searched instead when the typed ones found too little ("kopi gayoo"
/// became "kopi gayo"). SuggestedWords: the nearest catalogue words when nothing was found, for
/// words that are not Indonesian words. When nothing was found: UnmatchedWords (no product has
/// them), MatchedWords (words that, alone, do find products) and RelatedCategories.
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
    string? RegencyName)
{
    public IReadOnlyList<string> UnmatchedWords { get; init; } = [];
    public IReadOnlyList<string> MatchedWords { get; init; } = [];
    public IReadOnlyList<CategoryLink> RelatedCategories { get; init; } = [];
    /// No result has the words in its name, category, maker or region: they are only mentioned in
    /// descriptions, and the page says so.
    public bool MentionOnly { get; init; }
    /// The phrases the synonym table added to the search ("jilbab", "kerudung" for "hijab").
    public IReadOnlyList<string> AlsoSearched { get; init; } = [];
}

/// A category offered when nothing was found.
public sealed record CategoryLink(string Slug, string Name);

/// The catalogue search: Indonesian full-text search with facets, filters, sorting and paging.
/// One SQL statement reads the matching rows of product_search once and returns both their facet
/// groups and the page of ids (without words, the day's facet counts stand in for the rows; decision
/// 0011); the cards are a second, small statement. Typo correction through the trigram index of
/// the vocabulary runs only when the words as typed find too little. Counts, pages, reference
/// lists and cards are kept for a minute in the <see cref="CatalogueCache"/> (cleared on every
/// instance whenever the catalogue changes).
public sealed partial class ProductSearch(AppDbContext db, NpgsqlDataSource dataSource, TimeProvider clock, CatalogueCache cache, KnownWords knownWords)
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

    /// Only reads, some through Npgsql directly where EF's retries do not reach: the whole search
    /// runs again after a transient error (ReadRetryStrategy).
    public Task<ProductSearchResult> RunAsync(ProductSearchInput input, bool english, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(token => RunOnceAsync(input, english, token), cancellationToken);

    private async Task<ProductSearchResult> RunOnceAsync(ProductSearchInput input, bool english, CancellationToken cancellationToken)
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
        var synonyms = await cache.GetOrLoadAsync("search-synonyms", async () => new SynonymMap(await SynonymTable.LoadAsync(db, cancellationToken)));
        var allTerms = await cache.GetOrLoadAsync($"search-words:{input.Q}", () => NormalizeAsync(input.Q, synonyms, cancellationToken));
        // "kopi halal": no description says halal reliably; the certificate does.
        var certificateWords = allTerms.Where(t => t.IsPlainWord && CertificateWord(t.Typed[0].Raw) is not null)
            .Select(t => CertificateWord(t.Typed[0].Raw)!.Value).Distinct().ToList();
        var terms = allTerms.Where(t => !t.IsPlainWord || CertificateWord(t.Typed[0].Raw) is null).ToList();
        notes.AddRange(certificateWords.Select(c => $"Kata \"{CertificationLabel(c).ToLowerInvariant()}\" dibaca sebagai sertifikat: hanya produk dengan sertifikat {CertificationLabel(c)} yang berlaku."));
        var lexemes = terms.SelectMany(t => t.Typed).ToList();
        var filters = new SearchFilters(
            terms.ToList(),
            category?.Ids,
            provinceCode,
            regency?.Code,
            input.HargaMin,
            input.HargaMaks,
            input.Sertifikasi,
            today)
        {
            Alumni = input.Alumni,
            CertificateWords = certificateWords,
        };

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

        // The alumni facet: the results' own total when chosen, none when nothing was found, else
        // the results counted again within the alumni's products. Whether any result has the words
        // outside its description ("mentioned only") is asked in the same statement.
        var countAlumni = !input.Alumni && found.Counts.Total > 0;
        var askOutside = found.Counts.Total > 0 && lexemes.Count > 0;
        var (alumniCount, anyOutside) = countAlumni || askOutside
            ? await cache.GetOrLoadAsync($"search-alumni-outside:{countAlumni}|{askOutside}|{found.Filters.Key}",
                () => CountAlumniAndOutsideAsync(found.Filters, countAlumni, askOutside, cancellationToken))
            : (0, true);
        if (!countAlumni)
        {
            alumniCount = input.Alumni ? found.Counts.Total : 0;
        }

        // Nothing found: which words no product has, which do find products alone, and categories
        // to go on with. Suggestions only for words that are not Indonesian words ("sepatu" gets no
        // "satu"; "kopii" gets "kopi").
        var nothingFound = found.Counts.Total == 0 && lexemes.Count > 0;
        var unknownWords = lexemes.Where(w => !CorrectionRule.IsKnown(w.Raw, w.Stem, k => knownWords.Contains(k))).ToList();
        var suggestions = nothingFound && unknownWords.Count > 0
            ? (await cache.GetOrLoadAsync($"search-suggestions:{input.Q}", () => SuggestAsync(unknownWords, cancellationToken)))
                .Where(s => unknownWords.Any(w => CorrectionRule.IsClose(w.Raw, s) || CorrectionRule.IsClose(w.Stem, s))).ToList()
            : [];
        var inCatalogue = nothingFound
            ? await cache.GetOrLoadAsync($"search-word-matches:{input.Q}", () => InCatalogueAsync(lexemes, cancellationToken))
            : [];
        var mentionOnly = askOutside && !anyOutside;
        var matchedWords = lexemes.Count > 1 ? lexemes.Where((_, i) => i < inCatalogue.Count && inCatalogue[i]).Select(w => w.Raw).ToList() : [];
        var unmatchedWords = lexemes.Where((_, i) => i < inCatalogue.Count && !inCatalogue[i]).Select(w => w.Raw).ToList();

        return new ProductSearchResult(
            input with { Halaman = found.Page },
            cards,
            found.Counts.Total,
            found.Page,
            found.PageCount,
            BuildFacets(found.Counts, reference, regencyNames, category, province, regency?.Code, input) with
            {
                Alumni = new FacetValue(ProductSearchInput.AlumniValue, "Alumni e-Smart IKM", alumniCount, input.Alumni),
            },
            found.Corrected,
            suggestions,
            notes.Distinct().ToList(),
            category?.Name,
            province?.Name,
            regency?.Name)
        {
            UnmatchedWords = unmatchedWords,
            MatchedWords = matchedWords,
            RelatedCategories = nothingFound ? RelatedCategories(reference, lexemes) : [],
            MentionOnly = mentionOnly,
            AlsoSearched = found.Filters.Terms.SelectMany(t => t.Alternatives).Select(a => string.Join(' ', a.Select(w => w.Raw))).Distinct().ToList(),
        };
    }

    /// In one statement: how many of a search's results are products of e-Smart IKM alumni (when
    /// <paramref name="countAlumni"/>, else 0), and whether any result has every term outside its
    /// description: name, category, maker, region (when <paramref name="askOutside"/>, else true).
    private async Task<(int Alumni, bool AnyOutside)> CountAlumniAndOutsideAsync(SearchFilters filters, bool countAlumni, bool askOutside, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand();
        var where = filters.Conditions(command);
        var rest = $"{where.Category} AND {where.Province} AND {where.Regency} AND {where.Price} AND {where.Certification}";
        var alumni = countAlumni
            ? $"(SELECT count(*)::int FROM product_search WHERE {where.Text} AND {SearchFilters.AlumniCondition} AND {rest})"
            : "0";
        var outside = askOutside
            ? $"EXISTS (SELECT 1 FROM product_search WHERE {where.Text} AND search_vector @@ @outside_description_tsquery AND {rest})"
            : "true";
        command.CommandText = $"SELECT {alumni}, {outside}";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt32(0), reader.GetBoolean(1));
    }

    /// The certificate a query word names, if it names one.
    private static CertificationFilter? CertificateWord(string word) => word switch
    {
        "halal" => CertificationFilter.Halal,
        "tkdn" => CertificationFilter.Tkdn,
        "sni" => CertificationFilter.Sni,
        "pdn" => CertificationFilter.Pdn,
        _ => null,
    };

    /// Categories whose names share a word with the query, else the top-level categories.
    private static List<CategoryLink> RelatedCategories(SearchReference reference, IReadOnlyList<SearchWord> words)
    {
        var wanted = words.SelectMany(w => new[] { w.Raw, w.Stem }).ToHashSet(StringComparer.Ordinal);
        var sharing = reference.Categories.Values
            .Where(c => c.Name.ToLowerInvariant().Split([' ', ',', '&', '/', '-'], StringSplitOptions.RemoveEmptyEntries).Any(wanted.Contains))
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
        var shown = sharing.Count > 0
            ? sharing
            : reference.Categories.Values.Where(c => c.ParentSlug is null).OrderBy(c => c.SortOrder).ThenBy(c => c.Name, StringComparer.Ordinal).ToList();
        return shown.Take(6).Select(c => new CategoryLink(c.Slug, c.Name)).ToList();
    }

    /// For each word, whether any published product has it.
    private async Task<IReadOnlyList<bool>> InCatalogueAsync(IReadOnlyList<SearchWord> words, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT EXISTS (SELECT 1 FROM search_terms t WHERE t.word = w.word OR t.word = w.raw)
            FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS w(word, raw, position)
            ORDER BY w.position
            """);
        command.Parameters.AddWithValue(words.Select(w => w.Stem).ToArray());
        command.Parameters.AddWithValue(words.Select(w => w.Raw).ToArray());
        var found = new List<bool>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(reader.GetBoolean(0));
        }
        return found;
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
    private sealed record SearchFound(SearchCounts Counts, string? Corrected, int Page, int PageCount, bool PageClamped, IReadOnlyList<int> Ids, SearchFilters Filters);

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
                // Only plain words are corrected: a phrase the synonym table knows is no typo.
                var plain = filters.Terms.Where(t => t.IsPlainWord).Select(t => t.Typed[0]).ToList();
                var correctedWords = new Queue<SearchWord>(await CorrectAsync(plain, cancellationToken));
                var correctedTerms = filters.Terms.Select(t => t.IsPlainWord ? SearchTerm.Plain(correctedWords.Dequeue()) : t).ToList();
                var correctedFilters = filters with { Terms = correctedTerms, PrefixLastWord = true };
                var corrected = await CountAndPageAsync(correctedFilters, sort, page, cancellationToken);
                if (corrected.Counts.Total > first.Counts.Total)
                {
                    counted = new CountedFilters(correctedFilters, corrected.Counts, string.Join(' ', correctedFilters.Lexemes.Select(w => w.Raw)), corrected.Guide);
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
        return new SearchFound(counted.Counts, counted.Corrected, Math.Min(page, pageCount), pageCount, clamped, ids, counted.Filters);
    }

    /// The query's words as the index holds them: stop words out, stemmed unless protected. Each
    /// word keeps its unstemmed form too, because makers' names and places are indexed as written.
    /// A phrase the synonym table knows becomes one term with its alternatives ("vco" or "virgin
    /// coconut oil" or "minyak kelapa murni"); every other word is a term of its own.
    private async Task<IReadOnlyList<SearchTerm>> NormalizeAsync(string q, SynonymMap synonyms, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return [];
        }
        var words = Domain.Search.SearchSynonym.Normalize(q).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var matches = synonyms.Find(words);
        // The texts to normalize: the query itself when no phrase is known (as typed, so its
        // tokens are exactly the index's), else each known phrase, its alternatives, and the rest.
        var texts = new List<string>();
        if (matches.Count == 0)
        {
            texts.Add(q);
        }
        else
        {
            var inPhrase = new bool[words.Length];
            foreach (var match in matches)
            {
                texts.Add(match.Phrase);
                texts.AddRange(match.Alternatives);
                for (var i = match.Start; i < match.Start + match.Length; i++)
                {
                    inPhrase[i] = true;
                }
            }
            texts.Add(string.Join(' ', words.Where((_, i) => !inPhrase[i])));
        }
        await using var command = dataSource.CreateCommand(
            "SELECT melokal_document(t, true), melokal_document(t, false) FROM unnest($1::text[]) WITH ORDINALITY AS x(t, position) ORDER BY position");
        command.Parameters.AddWithValue(texts.ToArray());
        var normalized = new List<IReadOnlyList<SearchWord>>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var stems = reader.GetString(0).Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var raws = reader.GetString(1).Split(' ', StringSplitOptions.RemoveEmptyEntries);
                normalized.Add(stems.Zip(raws, (stem, raw) => new SearchWord(stem, raw)).ToList());
            }
        }
        var terms = new List<SearchTerm>();
        var next = 0;
        foreach (var match in matches)
        {
            var typed = normalized[next++];
            var alternatives = normalized.Skip(next).Take(match.Alternatives.Count).Where(a => a.Count > 0).ToList();
            next += match.Alternatives.Count;
            if (typed.Count > 0)
            {
                terms.Add(new SearchTerm(typed, alternatives));
            }
        }
        terms.AddRange(normalized[next].Distinct().Select(SearchTerm.Plain));
        return terms.DistinctBy(t => string.Join(' ', t.Typed)).Take(12).ToList();
    }

    /// Each word the vocabulary does not know, replaced by a near catalogue word when
    /// <see cref="CorrectionRule"/> allows it: never a known Indonesian word or place name.
    private async Task<IReadOnlyList<SearchWord>> CorrectAsync(IReadOnlyList<SearchWord> words, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT w.position, EXISTS (SELECT 1 FROM search_terms t WHERE t.word = w.word) AS in_catalogue, n.word, n.ndoc
            FROM unnest($1::text[]) WITH ORDINALITY AS w(word, position)
            LEFT JOIN LATERAL (SELECT t.word, t.ndoc FROM search_terms t WHERE t.word % w.word
                               ORDER BY similarity(t.word, w.word) DESC, t.ndoc DESC LIMIT 8) n ON true
            ORDER BY w.position
            """);
        command.Parameters.AddWithValue(words.Select(w => w.Stem).ToArray());
        var inCatalogue = new bool[words.Count];
        var candidates = words.Select(_ => new List<CorrectionRule.Candidate>()).ToArray();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var i = (int)reader.GetInt64(0) - 1;
                inCatalogue[i] = reader.GetBoolean(1);
                if (!reader.IsDBNull(2))
                {
                    candidates[i].Add(new CorrectionRule.Candidate(reader.GetString(2), reader.GetInt32(3)));
                }
            }
        }
        // In the catalogue, or no allowed word near it (a partial word still gets its prefix match): as typed.
        return words.Select((word, i) =>
            !inCatalogue[i] && CorrectionRule.Choose(word.Stem, CorrectionRule.IsKnown(word.Raw, word.Stem, w => knownWords.Contains(w)), candidates[i]) is { } nearest
                ? new SearchWord(nearest, nearest)
                : word).ToList();
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
}
