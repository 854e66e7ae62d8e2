using LocalProducts.Web.Domain.Alternatives;

namespace LocalProducts.Web.Pages.Admin.Alternatives;

/// What staff read for a mapping's kind (localizer keys).
public static class AlternativeText
{
    public static string Kind(AlternativeTermKind kind) => kind switch
    {
        AlternativeTermKind.Brand => "Merek",
        AlternativeTermKind.ProductWord => "Kata produk",
        _ => "Lainnya",
    };
}
