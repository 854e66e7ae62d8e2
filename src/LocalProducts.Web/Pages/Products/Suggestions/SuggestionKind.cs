namespace LocalProducts.Web.Pages.Products.Suggestions;

/// The kinds of <see cref="Suggestion"/>, as the API writes them.
public static class SuggestionKind
{
    public const string Category = "kategori";
    public const string Maker = "ikm";
    public const string Product = "produk";
    public const string Word = "kata";
}
