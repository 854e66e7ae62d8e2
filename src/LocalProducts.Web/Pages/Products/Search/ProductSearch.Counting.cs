using Npgsql;

namespace LocalProducts.Web.Pages.Products.Search;

/// How a search counts its facets and reads its page: from the kept counts (decision 0012) or
/// by grouping its matching rows (decision 0011).
public sealed partial class ProductSearch
{
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
        var rows = new CountingRows(reader);
        while (await reader.ReadAsync(cancellationToken))
        {
            switch (rows.Kind)
            {
                case CountingRows.Group:
                    groups.Add(rows.ReadGroup());
                    break;
                case CountingRows.Page:
                    ids.AddRange(rows.ReadPage().Ids);
                    break;
                default:
                    throw rows.Unexpected();
            }
        }
        return (FacetGroup.Sum(groups, groups, filters.Criteria), ids);
    }

    /// The matching rows (within <paramref name="scope"/>) with what facets and the page need, as
    /// a CTE named <paramref name="name"/>. In the relevance order, results with the higher score
    /// (<see cref="ScoreExpression"/>) come first, newest first among equals.
    private static string RowsWithFacetKeys(string name, SearchFilters filters, SqlConditions where, SearchSort sort, string scope,
        string moreColumns = "")
    {
        var shown = $"{where.Category} AND {where.Province} AND {where.Regency} AND {where.Price} AND {where.Certification}";
        var score = sort == SearchSort.Relevan && filters.Lexemes.Count > 0
            ? $"CASE WHEN {shown} THEN {ScoreExpression} ELSE 0 END"
            : "0::real";
        return $"""
            {name} AS MATERIALIZED (
                SELECT id, published_at, price_min, price_order, category_id, province_code,
                       {(filters.ProvinceCode is null ? "NULL::varchar" : "CASE WHEN province_code = @province THEN regency_code END")} AS regency,
                       product_search_band(price_min) AS band,
                       {where.Price} AS in_price,
                       product_search_flags(tkdn_valid_until, halal_valid_until, sni_valid_until, pdn_valid_until, @today) AS flags,
                       {shown} AS shown,
                       {score} AS score{moreColumns}
                FROM product_search
                WHERE {scope}
            )
            """;
    }

    /// The groups of the rows in CTE <paramref name="name"/> and their page of ids in order (one
    /// row), in the columns of <see cref="CountingRows"/>.
    private static string GroupsAndPage(string name, SearchFilters filters, SearchSort sort, int page, NpgsqlCommand command)
    {
        command.Parameters.AddWithValue("take", PageSize);
        command.Parameters.AddWithValue("skip", (page - 1) * PageSize);
        var order = OrderBy(sort, filters.Lexemes.Count > 0);
        return $"""
            SELECT '{CountingRows.Group}' AS kind, category_id, province_code, regency, band AS band_or_step, in_price, flags,
                   count(*)::int AS products, NULL::int AS in_names, NULL::text AS ids
            FROM {name} GROUP BY category_id, province_code, regency, band, in_price, flags
            UNION ALL
            SELECT '{CountingRows.Page}', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, string_agg(id::text, ',' ORDER BY {order})
            FROM (SELECT id, score, published_at, price_min, price_order FROM {name}
                  WHERE shown ORDER BY {order} LIMIT @take OFFSET @skip) AS page
            """;
    }

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
        string keptRows, partlyRows;
        if (filters.ProvinceCode is not null)
        {
            // Summed by province and band within the chosen categories and certificates, and
            // labelled as one of those categories with those certificates, as the facet asks.
            command.Parameters.AddWithValue("category", filters.CategoryIds?[0] ?? 0);
            command.Parameters.AddWithValue("certified", (short)filters.Criteria.CertificationFlags);
            keptRows = $"""
                SELECT '{CountingRows.Kept}', @category, province_code, NULL, step, NULL, @certified, sum(products)::int, NULL, NULL
                FROM {kept} AND {where.Category} AND flags & @certified = @certified AND (SELECT current FROM day)
                GROUP BY province_code, step
                """;
            partlyRows = $"""
                SELECT '{CountingRows.PartlyInside}', @category, province_code, NULL, product_search_step(price_min), true, @certified, count(*)::int, NULL, NULL
                FROM p WHERE in_partly AND {where.Category} AND flags & @certified = @certified
                GROUP BY province_code, product_search_step(price_min)
                """;
        }
        else
        {
            if (filters.CategoryIds is null)
            {
                keptRows = $"SELECT '{CountingRows.Kept}', category_id, province_code, NULL, step, NULL, flags, products, NULL, NULL FROM {kept} AND (SELECT current FROM day)";
                partlyRows = $"""
                    SELECT '{CountingRows.PartlyInside}', category_id, province_code, NULL, product_search_step(price_min), true, {flags}, count(*)::int, NULL, NULL
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
                    SELECT '{CountingRows.Kept}', category_id, province_code, NULL, step, NULL, flags, products, NULL, NULL
                    FROM {kept} AND {where.Category} AND (SELECT current FROM day)
                    UNION ALL
                    SELECT '{CountingRows.Kept}', category_id, '', NULL, step, NULL, @certified, sum(products)::int, NULL, NULL
                    FROM {kept} AND NOT {where.Category} AND flags & @certified = @certified AND (SELECT current FROM day)
                    GROUP BY category_id, step
                    """;
                partlyRows = $"""
                    SELECT '{CountingRows.PartlyInside}', category_id, CASE WHEN {where.Category} THEN province_code ELSE '' END, NULL,
                           product_search_step(price_min), true, CASE WHEN {where.Category} THEN {flags} ELSE @certified END, count(*)::int, NULL, NULL
                    FROM product_search
                    WHERE {where.Text} AND {inPartlyCoveredSteps} AND ({where.Category} OR {where.Certification}) AND (SELECT current FROM day)
                    GROUP BY 2, 3, 5, 7
                    """;
            }
        }
        var provinceRows = "";
        if (filters.ProvinceCode is not null)
        {
            // One read of the word's index for both: the province's rows and the partly covered steps'.
            var scope = $"{where.Text} AND (province_code = @province OR {inPartlyCoveredSteps})";
            provinceRows = $"""
                , {RowsWithFacetKeys("p", filters, where, sort, scope, $", province_code = @province AS in_province, {inPartlyCoveredSteps} AS in_partly")}
                , province_rows AS (SELECT * FROM p WHERE in_province)
                """;
        }
        command.CommandText = $"""
            WITH day AS (SELECT as_of = @today AS current FROM product_facet_counts_day){provinceRows}
            SELECT '{CountingRows.Day}' AS kind, NULL::int AS category_id, NULL::varchar AS province_code, NULL::varchar AS regency,
                   NULL::smallint AS band_or_step, NULL::boolean AS in_price, NULL::smallint AS flags,
                   (SELECT reltuples::int FROM pg_class WHERE oid = 'product_search'::regclass) AS products,
                   NULL::int AS in_names, NULL::text AS ids
            WHERE (SELECT current FROM day)
            UNION ALL
            SELECT '{CountingRows.Word}', NULL, NULL, NULL, NULL, NULL, NULL, products, in_names, NULL FROM product_facet_words WHERE word = @word
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
            var rows = new CountingRows(reader);
            while (await reader.ReadAsync(cancellationToken))
            {
                switch (rows.Kind)
                {
                    case CountingRows.Day:
                        (current, catalogue) = (true, rows.ReadDay().Catalogue);
                        break;
                    case CountingRows.Word:
                        var keptWord = rows.ReadWord();
                        (wordProducts, wordInNames) = (keptWord.Products, keptWord.InNames);
                        break;
                    case CountingRows.Kept:
                        keptGroups.Add(rows.ReadKeptGroup());
                        break;
                    case CountingRows.PartlyInside:
                        insideOfPartlySteps.Add(rows.ReadKeptGroup());
                        break;
                    case CountingRows.Group:
                        provinceGroups.Add(rows.ReadGroup());
                        break;
                    case CountingRows.Page:
                        ids = rows.ReadPage().Ids.ToList();
                        break;
                    default:
                        throw rows.Unexpected();
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

    /// A page of a common word's results without counting them: read either by walking the
    /// index of the order until the page is full, or through the word's index and a sort,
    /// whichever reads fewer rows by the counts already known. Relevance walks the newest
    /// matches for those with the highest score there is (<see cref="PageIdsOfTopScoreAsync"/>),
    /// and scores every match only when the page cannot be certain that way.
    private async Task<List<int>> PageIdsOfCommonWordAsync(
        SearchFilters filters, SearchSort sort, int page, int total, PageGuide kept, CancellationToken cancellationToken)
    {
        if (sort == SearchSort.Relevan)
        {
            return await PageIdsOfTopScoreAsync(filters, page, total, kept, cancellationToken)
                ?? await PageIdsAsync(filters, sort, page, cancellationToken);
        }
        var wanted = page * PageSize;
        await using var command = dataSource.CreateCommand();
        var where = filters.Conditions(command);
        // Walking the order's index reads about wanted × catalogue ÷ matching rows; the word's
        // index reads every matching row. The catalogue's size is PostgreSQL's estimate (-1
        // before the table was first analysed: then the index, which is never far wrong).
        var walk = kept.Catalogue > 0 && (long)wanted * kept.Catalogue / Math.Max(1, total) < total;
        // Written as a function call, the word condition cannot use an index, so the planner walks
        // the index of the order; written as an operator, it uses the word's index.
        var text = walk ? "ts_match_vq(search_vector, @tsquery)" : "search_vector @@ @tsquery";
        var order = OrderBy(sort, ranked: false);
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
        return ids.Skip(wanted - PageSize).ToList();
    }

    /// At most about this many rows of the date index are walked looking for a relevance page.
    private const int TopScoreWalkRows = 20_000;

    /// A relevance page without scoring every match. No product can score more than every term
    /// found in every part (<see cref="SearchFilters.TopScore"/>), and among equal scores the newest
    /// comes first, so the first <c>page × PageSize</c> matches with that score, newest first, are
    /// the first pages exactly. They are looked for by walking the date index through the newest
    /// matches (about a fifth of "kopi"'s matches have it everywhere: its first page reads about
    /// 120 matches instead of scoring 150,000). Null when the walk, bounded to about
    /// <see cref="TopScoreWalkRows"/> rows of the index by the counts already known, found fewer:
    /// then every match is scored.
    private async Task<List<int>?> PageIdsOfTopScoreAsync(
        SearchFilters filters, int page, int total, PageGuide kept, CancellationToken cancellationToken)
    {
        var wanted = page * PageSize;
        var matchesWalked = kept.Catalogue <= 0 ? 0 : (long)TopScoreWalkRows * total / kept.Catalogue;
        if (filters.Lexemes.Count == 0 || matchesWalked < wanted)
        {
            return null;
        }
        await using var command = dataSource.CreateCommand();
        var where = filters.Conditions(command);
        // Written as a function call, the word condition cannot use an index, so the planner walks
        // the date index; the inner LIMIT bounds the walk, the outer one stops it at a full page.
        command.CommandText = $"""
            SELECT id FROM (
                SELECT id, {ScoreExpression} AS score
                FROM product_search
                WHERE ts_match_vq(search_vector, @tsquery) AND {where.Category} AND {where.Province} AND {where.Regency}
                  AND {where.Price} AND {where.Certification}
                ORDER BY published_at DESC, id DESC
                LIMIT @walked) AS newest
            WHERE score >= @top_score
            LIMIT @wanted
            """;
        command.Parameters.AddWithValue("walked", (int)Math.Min(matchesWalked, int.MaxValue));
        command.Parameters.AddWithValue("top_score", filters.TopScore);
        command.Parameters.AddWithValue("wanted", wanted);
        var ids = new List<int>(wanted);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetInt32(0));
        }
        return ids.Count < wanted ? null : ids.Skip(wanted - PageSize).ToList();
    }

    /// The order of results, in columns both product_search and the search CTE have.
    private static string OrderBy(SearchSort sort, bool ranked) => sort switch
    {
        SearchSort.Relevan when ranked => "score DESC, published_at DESC, id DESC",
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
                SELECT id, published_at, price_min, price_order, {(ranked ? ScoreExpression : "0::real")} AS score
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
}
