using LocalProducts.Web.Domain;

namespace LocalProducts.UnitTests.Domain;

public sealed class UniqueSlugTests
{
    [Fact]
    public void Choose_FreeSlug_IsTheNamesSlug() =>
        Assert.Equal("kopi-gayo", UniqueSlug.Choose(UniqueSlug.BaseOf("Kopi Gayo", "produk"), ["kopi-gayo-wine"]));

    [Fact]
    public void Choose_TakenSlug_GetsTheFirstFreeNumber() =>
        Assert.Equal("kopi-gayo-4", UniqueSlug.Choose("kopi-gayo", ["kopi-gayo", "kopi-gayo-2", "kopi-gayo-3", "kopi-gayo-5"]));

    [Fact]
    public void BaseOf_NameWithoutLettersOrDigits_UsesTheFallback() => Assert.Equal("produk", UniqueSlug.BaseOf("<>!?", "produk"));

    [Fact]
    public void BaseOf_LongName_LeavesRoomForASuffix()
    {
        var slug = UniqueSlug.Choose(UniqueSlug.BaseOf(new string('a', 300), "produk"), [UniqueSlug.BaseOf(new string('a', 300), "produk")]);

        Assert.True(slug.Length <= Slug.MaxLength);
        Assert.EndsWith("-2", slug, StringComparison.Ordinal);
        Assert.True(Slug.IsValid(slug));
    }
}
