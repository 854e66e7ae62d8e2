using LocalProducts.Web.Domain;

namespace LocalProducts.UnitTests.Domain;

public sealed class SlugTests
{
    [Theory]
    [InlineData("Kopi Arabika Gayo 200 g", "kopi-arabika-gayo-200-g")]
    [InlineData("  Batik Tulis -- Pekalongan!  ", "batik-tulis-pekalongan")]
    [InlineData("Café Über Sambal", "cafe-uber-sambal")]
    [InlineData("<script>", "script")]
    public void From_MakesLowercaseAsciiWithSingleHyphens(string text, string slug) => Assert.Equal(slug, Slug.From(text));

    [Fact]
    public void From_CutsLongTitles_ToTheMaximum() => Assert.True(Slug.From(new string('a', 500)).Length <= Slug.MaxLength);
}
