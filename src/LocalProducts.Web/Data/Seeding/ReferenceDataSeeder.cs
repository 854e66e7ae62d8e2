using CsvHelper;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Domain.Alternatives;
using LocalProducts.Web.Domain.Search;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Data.Seeding;

/// Loads the area codes, the category tree and the search word lists. Adds what is missing,
/// changes nothing else. Search synonyms are the exception: staff edit and delete them at
/// /admin/pencarian/sinonim, so the file is loaded only into an empty table (the first start):
/// a pair staff changed or deleted never comes back, and later additions to the file reach an
/// existing database only through that page (or by emptying the table, which loads the file again).
/// The local alternatives (/admin/alternatif-lokal) are loaded the same way, for the same reason.
internal sealed class ReferenceDataSeeder(AppDbContext db, TimeProvider? clock = null)
{
    public async Task SeedAsync(string seedsDirectory, CancellationToken cancellationToken)
    {
        var areas = Path.Combine(seedsDirectory, "reference", "idn-area");
        await AddMissingAsync(db.Provinces, p => p.Code,
            ReadCsv(Path.Combine(areas, "provinces.csv"), r => new Province { Code = r[0], Name = r[1] }), cancellationToken);
        await AddMissingAsync(db.Regencies, r => r.Code,
            ReadCsv(Path.Combine(areas, "regencies.csv"), r => new Regency { Code = r[0], ProvinceCode = r[1], Name = r[2] }), cancellationToken);
        await AddMissingAsync(db.Districts, d => d.Code,
            ReadCsv(Path.Combine(areas, "districts.csv"), r => new District { Code = r[0], RegencyCode = r[1], Name = r[2] }), cancellationToken);
        await SeedCategoriesAsync(Path.Combine(seedsDirectory, "reference", "categories.json"), cancellationToken);
        var search = Path.Combine(seedsDirectory, "reference", "search");
        await AddMissingAsync(db.SearchStopWords, w => w.Word,
            ReadWordList(Path.Combine(search, "stop-words.txt")).Select(w => new SearchStopWord { Word = w }).ToList(), cancellationToken);
        await AddMissingAsync(db.SearchProtectedWords, w => w.Word,
            ReadWordList(Path.Combine(search, "protected-words.txt")).Select(w => new SearchProtectedWord { Word = w }).ToList(), cancellationToken);
        await SeedSynonymsAsync(Path.Combine(search, "synonyms.tsv"), cancellationToken);
        await SeedAlternativesAsync(Path.Combine(search, "local-alternatives.tsv"), cancellationToken);
    }

    /// Loads the mappings of <paramref name="path"/> (<see cref="AlternativeSeedFile"/>) when the
    /// table is empty, and does nothing otherwise: see the class comment. A category slug the
    /// tree does not have is an error.
    public async Task SeedAlternativesAsync(string path, CancellationToken cancellationToken)
    {
        if (await db.LocalAlternatives.AnyAsync(cancellationToken))
        {
            return;
        }
        var seeds = AlternativeSeedFile.Read(path);
        var categories = await db.Categories.ToDictionaryAsync(c => c.Slug, StringComparer.Ordinal, cancellationToken);
        var unknown = seeds.SelectMany(s => s.CategorySlugs.Where(slug => !categories.ContainsKey(slug))
            .Select(slug => $"{Path.GetFileName(path)} line {s.Line}: unknown category \"{slug}\"")).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidDataException(string.Join(Environment.NewLine, unknown));
        }
        var now = (clock ?? TimeProvider.System).GetUtcNow();
        foreach (var seed in seeds)
        {
            var alternative = new LocalAlternative { Term = "", NormalizedTerm = "", SearchWords = "", Reason = "", CreatedAt = now };
            alternative.Describe(seed.Term, seed.Kind, seed.OtherSpellings, seed.SearchWords, seed.Reason, now);
            alternative.PointTo(seed.CategorySlugs.Select(slug => categories[slug]));
            db.LocalAlternatives.Add(alternative);
        }
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// Loads the synonym pairs of <paramref name="path"/> (<see cref="SynonymSeedFile"/>) when the
    /// table is empty, and does nothing otherwise: see the class comment.
    public async Task SeedSynonymsAsync(string path, CancellationToken cancellationToken)
    {
        if (await db.SearchSynonyms.AnyAsync(cancellationToken))
        {
            return;
        }
        var now = (clock ?? TimeProvider.System).GetUtcNow();
        db.SearchSynonyms.AddRange(SynonymSeedFile.Read(path).Select(pair => new SearchSynonym
        {
            Word = pair.Word,
            SameAs = pair.SameAs,
            Kind = pair.Kind,
            BothWays = pair.BothWays,
            CreatedAt = now,
            UpdatedAt = now,
        }));
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// One lowercase word a line; lines starting with # are comments.
    private static IEnumerable<string> ReadWordList(string path) =>
        File.ReadLines(path)
            .Select(line => line.Trim().ToLowerInvariant())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Distinct(StringComparer.Ordinal);

    private async Task AddMissingAsync<T>(DbSet<T> table, Func<T, string> code, IReadOnlyList<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        var existing = (await table.AsNoTracking().ToListAsync(cancellationToken)).Select(code).ToHashSet(StringComparer.Ordinal);
        var missing = rows.Where(row => !existing.Contains(code(row))).ToList();
        if (missing.Count == 0)
        {
            return;
        }
        table.AddRange(missing);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private async Task SeedCategoriesAsync(string path, CancellationToken cancellationToken)
    {
        var tree = SeedFiles.Read<List<CategorySeed>>(path);
        var existing = await db.Categories.ToDictionaryAsync(c => c.Slug, StringComparer.Ordinal, cancellationToken);
        var order = 0;
        foreach (var top in tree)
        {
            var parent = await AddAsync(top, null, order++);
            foreach (var child in top.Children ?? [])
            {
                await AddAsync(child, parent, order++);
            }
        }
        db.ChangeTracker.Clear();

        async Task<Category> AddAsync(CategorySeed seed, Category? parent, int sortOrder)
        {
            if (existing.TryGetValue(seed.Slug, out var category))
            {
                return category;
            }
            category = new Category { Slug = seed.Slug, Name = seed.Name, NameEn = seed.NameEn, SortOrder = sortOrder, ParentId = parent?.Id };
            db.Categories.Add(category);
            await db.SaveChangesAsync(cancellationToken);
            existing[seed.Slug] = category;
            return category;
        }
    }

    private static List<T> ReadCsv<T>(string path, Func<string[], T> map)
    {
        using var csv = CsvReader.FromFile(path);
        var rows = new List<T>();
        while (csv.Read())
        {
            var fields = new string[csv.FieldCount];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = csv.GetString(i);
            }
            rows.Add(map(fields));
        }
        return rows;
    }
}
