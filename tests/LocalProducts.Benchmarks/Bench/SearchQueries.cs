using LocalProducts.Web.Pages.Products.Search;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace LocalProducts.Benchmarks.Bench;

/// One search of the fixed set: a name for the tables and the query string of /produk.
internal sealed record SearchQuery(string Name, string QueryString)
{
    public string Path => "/produk?" + QueryString;

    /// The input the site's page model builds from the same query string.
    public ProductSearchInput Input() => ProductSearchInput.Parse(new QueryCollection(QueryHelpers.ParseQuery(QueryString)));
}

internal static class SearchQueries
{
    /// Every search also computes its facet counts (one statement over the matching rows), so
    /// each line measures them; the broad browse has the most rows to count.
    public static readonly IReadOnlyList<SearchQuery> All =
    [
        new("one word", "q=kopi"),
        new("two words", "q=batik%20tulis"),
        new("typo", "q=kopi%20gayoo"),
        new("filters", "q=kopi&provinsi=aceh&harga_min=50000&harga_maks=150000&sertifikasi=halal"),
        new("browse category", "kategori=fesyen-tekstil"),
    ];
}
