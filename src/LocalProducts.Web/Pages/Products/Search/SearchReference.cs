using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LocalProducts.Web.Pages.Products.Search;

/// The category tree and provinces a search needs to read its filters and label its facets.
/// Small tables, read per search (a few rows each) when not kept, so an edit shows at once on every instance.
public sealed class SearchReference
{
    public sealed record CategoryEntry(string Slug, string Name, string? ParentSlug, int SortOrder, IReadOnlyList<int> Ids);
    public sealed record ProvinceEntry(string Code, string Slug, string Name);

    public required IReadOnlyDictionary<string, CategoryEntry> Categories { get; init; }
    public required IReadOnlyDictionary<string, ProvinceEntry> Provinces { get; init; }
    public required IReadOnlyDictionary<string, ProvinceEntry> ProvincesByCode { get; init; }
    /// Both tables in one round trip (an Npgsql batch of two statements) on the context's connection.
    public static async Task<SearchReference> LoadAsync(AppDbContext db, bool english, CancellationToken cancellationToken)
    {
        var categories = new List<(int Id, string Slug, string Name, string NameEn, int? ParentId, int SortOrder)>();
        var provinces = new List<ProvinceEntry>();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var batch = new NpgsqlBatch((NpgsqlConnection)db.Database.GetDbConnection())
            {
                BatchCommands =
                {
                    new NpgsqlBatchCommand("SELECT id, slug, name, name_en, parent_id, sort_order FROM categories"),
                    new NpgsqlBatchCommand("SELECT code, name FROM provinces"),
                },
            };
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                categories.Add((reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                    reader.IsDBNull(4) ? null : reader.GetInt32(4), reader.GetInt32(5)));
            }
            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var name = reader.GetString(1);
                provinces.Add(new ProvinceEntry(reader.GetString(0), Slug.From(name), name));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        var byId = categories.ToDictionary(c => c.Id);
        var entries = categories.ToDictionary(
            c => c.Slug,
            c => new CategoryEntry(
                c.Slug,
                english ? c.NameEn : c.Name,
                c.ParentId is { } parent ? byId[parent].Slug : null,
                c.SortOrder,
                [c.Id, .. categories.Where(child => child.ParentId == c.Id).Select(child => child.Id)]),
            StringComparer.Ordinal);
        return new SearchReference
        {
            Categories = entries,
            Provinces = provinces.ToDictionary(p => p.Slug, StringComparer.Ordinal),
            ProvincesByCode = provinces.ToDictionary(p => p.Code, StringComparer.Ordinal),
        };
    }
}
