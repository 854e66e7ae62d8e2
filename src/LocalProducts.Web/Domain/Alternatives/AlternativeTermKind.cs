namespace LocalProducts.Web.Domain.Alternatives;

public enum AlternativeTermKind
{
    /// An imported brand: "Starbucks", "Nike", "Tupperware".
    Brand = 1,
    /// A kind of imported product: "serum korea", "kopi kapsul".
    ProductWord = 2,
}
