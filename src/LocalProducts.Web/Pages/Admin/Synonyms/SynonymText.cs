using LocalProducts.Web.Data.Seeding;
using LocalProducts.Web.Domain.Search;

namespace LocalProducts.Web.Pages.Admin.Synonyms;

/// What staff read for a synonym's kind and direction (localizer keys), and the kind codes of the
/// address (?jenis=ejaan), the same as in the seed file.
public static class SynonymText
{
    public static string Kind(SynonymKind kind) => kind switch
    {
        SynonymKind.SameMeaning => "Arti sama",
        SynonymKind.Spelling => "Ejaan lain",
        SynonymKind.Abbreviation => "Singkatan",
        SynonymKind.CategoryWord => "Kata untuk kategori",
        SynonymKind.Place => "Nama tempat",
        _ => "Lainnya",
    };

    public static string Direction(bool bothWays) => bothWays ? "Dua arah" : "Satu arah";

    public static string Code(SynonymKind kind) =>
        SynonymSeedFile.Kinds.FirstOrDefault(k => k.Value == kind).Key ?? "";

    public static SynonymKind? FromCode(string? code) =>
        code is not null && SynonymSeedFile.Kinds.TryGetValue(code, out var kind) ? kind : null;
}
