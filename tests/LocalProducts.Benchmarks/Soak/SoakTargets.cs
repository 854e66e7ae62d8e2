using LocalProducts.Benchmarks.Faults;
using LocalProducts.Web.Domain;
using Npgsql;

namespace LocalProducts.Benchmarks.Soak;

/// What the soak visits, read from the database: the catalogue's vocabulary (the search_terms view,
/// most frequent first), every published product's and verified maker's slug (in a fixed shuffled
/// order, so popularity does not follow age), the campaigns, and the mixed load's write targets.
internal sealed record SoakTargets(
    IReadOnlyList<string> Words, IReadOnlyList<string> Products, IReadOnlyList<string> Makers, IReadOnlyList<string> Campaigns, LoadTargets Writes)
{
    public static async Task<SoakTargets> ReadAsync(NpgsqlDataSource dataSource)
    {
        var words = await ListAsync(dataSource, "SELECT word FROM search_terms WHERE length(word) >= 3 AND word !~ '[0-9]' ORDER BY ndoc DESC, word");
        var products = await ListAsync(dataSource, $"SELECT slug FROM products WHERE state = {(int)ProductState.Published} ORDER BY id");
        var makers = await ListAsync(dataSource, $"SELECT slug FROM ikms WHERE verification = {(int)VerificationState.Verified} ORDER BY id");
        var campaigns = await ListAsync(dataSource, "SELECT slug FROM campaigns ORDER BY id");
        if (words.Count == 0 || products.Count == 0 || makers.Count == 0 || campaigns.Count == 0)
        {
            throw new InvalidOperationException("The database has no catalogue: words, products, makers and campaigns are needed (demo data or `generate`).");
        }
        var random = new Random(20261206);
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(products));
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(makers));
        return new SoakTargets(words, products, makers, campaigns, await MixedLoadCommand.TargetsAsync(dataSource));
    }

    private static async Task<List<string>> ListAsync(NpgsqlDataSource dataSource, string sql)
    {
        var list = new List<string>();
        await using var command = dataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            list.Add(reader.GetString(0));
        }
        return list;
    }
}
