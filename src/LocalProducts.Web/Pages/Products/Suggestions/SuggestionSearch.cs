using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Pages.Products.Search;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LocalProducts.Web.Pages.Products.Suggestions;

/// Suggestions under the search box (GET /api/v1/saran): categories whose name (Indonesian or
/// English) or one of its words starts with what was typed, search words from the vocabulary
/// (search_terms, prefix first, near words through its trigram index when prefixes give too few),
/// verified makers and published products whose name has a word starting so. One statement for
/// the words, makers and products; the category list is kept in the <see cref="CatalogueCache"/>,
/// and so is each answer (cleared when the catalogue changes).
public sealed class SuggestionSearch(AppDbContext db, NpgsqlDataSource dataSource, CatalogueCache cache)
{
    public const int MaxItems = 8;
    private const int MaxCategories = 2;
    private const int MaxWords = 3;
    private const int MaxMakers = 2;
    private const int MaxProducts = 3;

    private sealed record CategoryName(string Slug, string Name, string NameEn);

    private sealed record Found(string Kind, string Label, string? Slug, bool Near);

    public async Task<IReadOnlyList<Suggestion>> RunAsync(SuggestionInput input, bool english, CancellationToken cancellationToken)
    {
        if (input.IsEmpty)
        {
            return [];
        }
        return await cache.GetOrLoadAsync($"suggest:{english}:{input.Text}", () => LoadAsync(input, english, cancellationToken));
    }

    private async Task<IReadOnlyList<Suggestion>> LoadAsync(SuggestionInput input, bool english, CancellationToken cancellationToken)
    {
        var categories = await cache.GetOrLoadAsync("suggest-categories", async () =>
            (IReadOnlyList<CategoryName>)await db.Categories.AsNoTracking().OrderBy(c => c.ParentId != null).ThenBy(c => c.SortOrder)
                .Select(c => new CategoryName(c.Slug, c.Name, c.NameEn)).ToListAsync(cancellationToken));
        var suggestions = new List<Suggestion>();
        suggestions.AddRange(categories
            .Where(c => StartsWithTyped(c.Name, input.Text) || StartsWithTyped(c.NameEn, input.Text))
            .OrderBy(c => c.Name.StartsWith(input.Text, StringComparison.OrdinalIgnoreCase) || c.NameEn.StartsWith(input.Text, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .Take(MaxCategories)
            .Select(c => new Suggestion(SuggestionKind.Category, english ? c.NameEn : c.Name, $"/produk?kategori={Uri.EscapeDataString(c.Slug)}")));

        var found = await FindAsync(input, cancellationToken);
        var before = input.Before.Length == 0 ? "" : input.Before + " ";
        Suggestion Word(Found f) => new(SuggestionKind.Word, before + f.Label, $"/produk?q={Uri.EscapeDataString(before + f.Label)}");
        // Prefix matches first (words, makers, products), then the near words of a typo.
        suggestions.AddRange(found.Where(f => f.Kind == SuggestionKind.Word && !f.Near).Select(Word));
        suggestions.AddRange(found.Where(f => f.Kind == SuggestionKind.Maker).Select(f => new Suggestion(f.Kind, f.Label, $"/ikm/{f.Slug}")));
        suggestions.AddRange(found.Where(f => f.Kind == SuggestionKind.Product).Select(f => new Suggestion(f.Kind, f.Label, $"/produk/{f.Slug}")));
        suggestions.AddRange(found.Where(f => f.Kind == SuggestionKind.Word && f.Near).Select(Word));
        return suggestions.DistinctBy(s => s.Url).Take(MaxItems).ToList();
    }

    /// The name, or one of its words, starts with the typed text (case ignored).
    private static bool StartsWithTyped(string name, string typed)
    {
        var lower = name.ToLowerInvariant();
        return lower.StartsWith(typed, StringComparison.Ordinal) || lower.Contains(" " + typed, StringComparison.Ordinal);
    }

    /// Words: search_terms by prefix of the last word (trigram index, most products first); near
    /// words (trigram similarity) only when fewer than two start so. Makers and products: first
    /// the names that start with the typed text (a range scan on a text_pattern_ops index that
    /// stops after a few rows, so a common two-letter prefix costs no more than a rare one), the
    /// shortest first; only when too few start so, the names with a word starting so: makers by
    /// the trigram index on their name words, products by product_search's GIN index on the name
    /// vector: each finished word or its stem, the last word as a prefix (stop words left out, as
    /// in the index; a last word under three letters after others is left to the ordering, since
    /// the posting lists of every word starting "t" cost more than the whole rest).
    public static NpgsqlCommand CreateCommand(NpgsqlDataSource dataSource, SuggestionInput input)
    {
        var command = dataSource.CreateCommand($"""
            WITH prefixed AS MATERIALIZED (
                SELECT word, ndoc FROM search_terms WHERE word LIKE $1 AND length(word) > 1 ORDER BY ndoc DESC, word LIMIT {MaxWords}),
            near AS (
                SELECT word, ndoc FROM search_terms
                WHERE (SELECT count(*) FROM prefixed) < 2 AND word % $2 AND word NOT LIKE $1
                AND length(word) > 1 ORDER BY ndoc DESC, word LIMIT {MaxWords}),
            makers_starting AS MATERIALIZED (
                SELECT name, slug FROM ikms
                WHERE verification = {(int)VerificationState.Verified} AND lower(name) ~>=~ $5 AND lower(name) ~<~ $6
                ORDER BY lower(name) USING ~<~ LIMIT 20),
            makers_words AS (
                SELECT name, slug FROM ikms
                WHERE (SELECT count(*) FROM makers_starting) < {MaxMakers}
                AND verification = {(int)VerificationState.Verified} AND ' ' || lower(name) LIKE '% ' || $3
                AND NOT (lower(name) ~>=~ $5 AND lower(name) ~<~ $6)
                ORDER BY length(name), name LIMIT {MaxMakers}),
            makers AS (
                SELECT name, slug FROM (
                    SELECT name, slug, 0 AS rank FROM makers_starting
                    UNION ALL SELECT name, slug, 1 FROM makers_words) m
                ORDER BY rank, length(name), name LIMIT {MaxMakers}),
            products_starting AS MATERIALIZED (
                SELECT name, slug FROM products
                WHERE state = {(int)ProductState.Published} AND lower(name) ~>=~ $5 AND lower(name) ~<~ $6
                ORDER BY lower(name) USING ~<~ LIMIT 50),
            candidates AS (
                SELECT id FROM product_search
                WHERE (SELECT count(*) FROM products_starting) < {MaxProducts}
                AND ts_filter(search_vector, '{"{a}"}') @@ to_tsquery('simple', (
                    SELECT coalesce(string_agg('(' || w || CASE WHEN n = $7 THEN ':*' ELSE '' END
                        || coalesce(' | ' || (ts_lexize('indonesian_stem', w))[1], '') || ')', ' & '), '')
                    FROM unnest($4::text[]) WITH ORDINALITY AS typed(w, n)
                    WHERE NOT EXISTS (SELECT 1 FROM search_stop_words s WHERE s.word = w)
                    AND (n < $7 OR $7 = 1 OR length(w) >= 3)))
                LIMIT 50),
            products_words AS (
                SELECT p.name, p.slug FROM candidates c JOIN products p ON p.id = c.id
                WHERE NOT (lower(p.name) ~>=~ $5 AND lower(p.name) ~<~ $6)
                ORDER BY ' ' || lower(p.name) LIKE '% ' || $1 DESC, length(p.name), p.name LIMIT {MaxProducts}),
            products AS (
                SELECT name, slug FROM (
                    SELECT name, slug, 0 AS rank FROM products_starting
                    UNION ALL SELECT name, slug, 1 FROM products_words) m
                ORDER BY rank, length(name), name LIMIT {MaxProducts})
            SELECT '{SuggestionKind.Word}', word, NULL, false FROM prefixed
            UNION ALL SELECT '{SuggestionKind.Word}', word, NULL, true FROM near
            UNION ALL SELECT '{SuggestionKind.Maker}', name, slug, false FROM makers
            UNION ALL SELECT '{SuggestionKind.Product}', name, slug, false FROM products
            """);
        command.Parameters.AddWithValue(input.Last + "%");
        command.Parameters.AddWithValue(input.Last);
        command.Parameters.AddWithValue(input.Text + "%");
        command.Parameters.AddWithValue(input.Words.ToArray());
        // A range on text_pattern_ops indexes (byte order): names from the typed text up to the
        // typed text followed by the highest code point, i.e. the names starting with it.
        command.Parameters.AddWithValue(input.Text);
        command.Parameters.AddWithValue(input.Text + char.ConvertFromUtf32(0x10FFFF));
        command.Parameters.AddWithValue(input.Words.Count);
        return command;
    }

    private async Task<IReadOnlyList<Found>> FindAsync(SuggestionInput input, CancellationToken cancellationToken)
    {
        await using var command = CreateCommand(dataSource, input);
        var found = new List<Found>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(new Found(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetBoolean(3)));
        }
        return found;
    }
}
