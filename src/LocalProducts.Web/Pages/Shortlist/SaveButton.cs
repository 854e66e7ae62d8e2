namespace LocalProducts.Web.Pages.Shortlist;

/// What the "Simpan" control needs: the product's slug, and its name for screen readers (a page
/// of cards has many buttons that all say "Simpan").
public sealed record SaveButton(string Slug, string Name);
