using Npgsql;

namespace LocalProducts.Benchmarks.Generation;

internal sealed record ProvinceRow(string Code, string Name);

internal sealed record RegencyRow(string Code, string ProvinceCode, string Name)
{
    /// "Kabupaten Aceh Tengah" is "Aceh Tengah" in a maker's name; "Kota Administrasi Jakarta
    /// Selatan" is "Jakarta Selatan".
    public string PlaceName { get; } = ShortName(Name);

    private static string ShortName(string name)
    {
        foreach (var prefix in new[] { "Kabupaten Administrasi ", "Kota Administrasi ", "Kabupaten ", "Kota " })
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                return name[prefix.Length..];
            }
        }
        return name;
    }
}

internal sealed record DistrictRow(string Code, string RegencyCode, string Name);

internal sealed record CategoryRow(int Id, string Slug, int? ParentId);

/// The reference seeds the site loads at start-up (areas and categories), read in a fixed order
/// so the same seed gives the same rows.
internal sealed record ReferenceData(
    IReadOnlyList<ProvinceRow> Provinces,
    IReadOnlyList<RegencyRow> Regencies,
    IReadOnlyDictionary<string, IReadOnlyList<DistrictRow>> DistrictsByRegency,
    IReadOnlyList<CategoryRow> Categories)
{
    public static async Task<ReferenceData> LoadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var provinces = await ReadAsync(connection, "SELECT code, name FROM provinces ORDER BY code",
            r => new ProvinceRow(r.GetString(0), r.GetString(1)), cancellationToken);
        var regencies = await ReadAsync(connection, "SELECT code, province_code, name FROM regencies ORDER BY code",
            r => new RegencyRow(r.GetString(0), r.GetString(1), r.GetString(2)), cancellationToken);
        var districts = await ReadAsync(connection, "SELECT code, regency_code, name FROM districts ORDER BY code",
            r => new DistrictRow(r.GetString(0), r.GetString(1), r.GetString(2)), cancellationToken);
        var categories = await ReadAsync(connection, "SELECT id, slug, parent_id FROM categories ORDER BY slug",
            r => new CategoryRow(r.GetInt32(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetInt32(2)), cancellationToken);
        return new ReferenceData(
            provinces,
            regencies,
            districts.GroupBy(d => d.RegencyCode, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<DistrictRow>)[.. g], StringComparer.Ordinal),
            categories);
    }

    private static async Task<List<T>> ReadAsync<T>(NpgsqlConnection connection, string sql, Func<NpgsqlDataReader, T> map,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(map(reader));
        }
        return rows;
    }
}
