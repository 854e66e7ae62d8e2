namespace LocalProducts.Web.Pages.Products;

/// One kind of product the site has a drawing for (wwwroot/img/ilustrasi/{Slug}.svg), with the
/// words that name it. Each keyword is one or more words that must all be in the product's name.
public sealed record IllustrationKind(string Slug, string Name, string NameEn, IReadOnlyList<string> Keywords)
{
    public string Url => $"/img/ilustrasi/{Slug}.svg";
}
