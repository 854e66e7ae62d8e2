using System.Text.Json;
using LocalProducts.Web.Pages.Products;

namespace LocalProducts.UnitTests.Pages.Products;

public sealed class ProductIllustrationTests
{
    [Theory]
    // The two the issue names: a key ring is not the leather category's bag, a tray is not the woodcraft mask.
    [InlineData("Gantungan Kunci Kulit Pahat Nama", "kerajinan-kulit", "gantungan-kunci")]
    [InlineData("Nampan Saji Kayu Jati Ukir Tepi", "kerajinan-kayu", "nampan")]
    // The specific words before the general ones they contain.
    [InlineData("Sarung Tangan Kulit Domba Berkendara", "kerajinan-kulit", "sarung-tangan")]
    [InlineData("Sarung Tenun Pria Lombok", "tenun", "sarung")]
    [InlineData("Kursi Roda Standar Lipat", "alat-kesehatan", "kursi-roda")]
    [InlineData("Meja Makan Jati dengan Enam Kursi", "furnitur", "meja-makan")]
    [InlineData("Taplak Meja Songket 40 x 150 cm", "tenun", "taplak-meja")]
    // The object before its material or motif.
    [InlineData("Kemeja Batik Cap Kawung Pria", "batik", "kemeja")]
    [InlineData("Kemeja Koko Batik Pesisir", "fesyen-muslim", "baju-koko")]
    [InlineData("Tas Jinjing Kanvas Ecoprint", "ecoprint", "tas-jinjing")]
    [InlineData("Peci Songket Pandai Sikek", "tenun", "peci")]
    [InlineData("Bufet TV Jati Ukir Relief 160 cm", "furnitur", "bufet")]
    [InlineData("Kendi Gerabah Anyaman Ketak", "gerabah-keramik", "kendi")]
    // Body care shares words with food and coffee.
    [InlineData("Lulur Kopi Kintamani 200 g", "kosmetik-perawatan", "lulur")]
    [InlineData("Balsem Kenanga VCO 30 g", "kosmetik-perawatan", "balsem")]
    [InlineData("Minyak Kelapa Murni (VCO) 250 ml", "kosmetik-perawatan", "minyak-kelapa")]
    [InlineData("Teh Cascara Kulit Kopi 100 g", "teh-minuman", "teh")]
    [InlineData("Sirup Daging Buah Pala Banda 600 ml", "teh-minuman", "sirup")]
    [InlineData("Biji Pala Utuh Banda 250 g", "bumbu-sambal", "rempah")]
    // Coffee by its form.
    [InlineData("Kopi Arabika Gayo Full Wash Bubuk", "kopi", "kopi-bubuk")]
    [InlineData("Biji Kopi Mentah Arabika Bajawa 1 kg", "kopi", "kopi-mentah")]
    [InlineData("Kopi Robusta Cold Brew Botol 250 ml", "kopi", "kopi-botol")]
    [InlineData("Kopi Mandailing Drip Bag Isi 10", "kopi", "kopi-drip")]
    [InlineData("Kopi Arabika Toraja Natural 200 g", "kopi", "kopi-biji")]
    // Spelling variants and punctuation.
    [InlineData("Keripik Singkong Balado", "camilan", "kerupuk")]
    [InlineData("Kripik Tempe Sagu", "camilan", "kerupuk")]
    [InlineData("Krupuk Udang Sidoarjo", "camilan", "kerupuk")]
    [InlineData("Topi Ti'i Langga Daun Lontar", "anyaman", "topi")]
    [InlineData("BUMBU RICA-RICA INSTAN", "bumbu-sambal", "bumbu-instan")]
    public void For_PicksTheDrawingOfTheProductsKind(string name, string category, string kind)
    {
        var picture = ProductIllustration.For(name, category);

        Assert.Equal(kind, picture.Kind?.Slug);
        Assert.Equal($"/img/ilustrasi/{kind}.svg", picture.Url);
        Assert.False(picture.IsCategoryDrawing);
    }

    [Fact]
    public void For_NoKindInTheName_ShowsTheCategorysDrawing()
    {
        var picture = ProductIllustration.For("Paket Usaha Serba Ada", "kerajinan");

        Assert.True(picture.IsCategoryDrawing);
        Assert.Equal("/img/kategori/kerajinan.svg", picture.Url);
        Assert.Equal("Kerajinan", picture.Subject(english: false, "Kerajinan"));
    }

    [Fact]
    public void For_MatchesWholeWordsOnly()
    {
        // "tas" is not in "kanvas", "pot" is not in "potong", "teh" is not in "tehnik".
        Assert.True(ProductIllustration.For("Kanvas Potong Tehnik", "kerajinan").IsCategoryDrawing);
    }

    [Fact]
    public void Subject_NamesTheKindInTheReadersLanguage()
    {
        var picture = ProductIllustration.For("Gantungan Kunci Kulit Cap Nama", "kerajinan-kulit");

        Assert.Equal("gantungan kunci", picture.Subject(english: false, "Kerajinan Kulit"));
        Assert.Equal("key ring", picture.Subject(english: true, "Leather goods"));
    }

    [Fact]
    public void Kinds_HaveOneDrawingEach_AndDistinctSlugs()
    {
        var slugs = ProductIllustration.Kinds.Select(k => k.Slug).ToList();

        Assert.Equal(slugs.Count, slugs.Distinct().Count());
        Assert.True(slugs.Count >= 60, $"{slugs.Count} kinds");
        Assert.All(ProductIllustration.Kinds, k => Assert.True(File.Exists(IllustrationFiles.PathOf(k.Slug)), k.Slug));
        Assert.All(ProductIllustration.Kinds, k => Assert.False(string.IsNullOrWhiteSpace(k.NameEn) || k.Keywords.Count == 0, k.Slug));
    }

    [Fact]
    public void EveryDemoProduct_HasADrawingOfItsKind()
    {
        var products = DemoProducts();
        var uncovered = products.Where(p => ProductIllustration.For(p.Name, p.Category).IsCategoryDrawing).Select(p => p.Name).ToList();

        Assert.True(products.Count >= 150, $"{products.Count} demo products read");
        Assert.True(uncovered.Count == 0, "No drawing of their kind:\n" + string.Join("\n", uncovered));
        // The catalogue uses most of the drawings, not a handful stretched over everything.
        Assert.True(products.Select(p => ProductIllustration.For(p.Name, p.Category).Kind!.Slug).Distinct().Count() >= 60);
    }

    private static List<(string Name, string Category)> DemoProducts()
    {
        var folder = Path.Combine(IllustrationFiles.RepositoryRoot(), "seeds", "demo", "ikm");
        var products = new List<(string, string)>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.json"))
        {
            using var json = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var ikm in json.RootElement.EnumerateArray())
            {
                products.AddRange(ikm.GetProperty("products").EnumerateArray()
                    .Select(p => (p.GetProperty("name").GetString()!, p.GetProperty("category").GetString()!)));
            }
        }
        return products;
    }
}
