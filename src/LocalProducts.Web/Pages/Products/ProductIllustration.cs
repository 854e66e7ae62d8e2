using System.Globalization;
using System.Text;

namespace LocalProducts.Web.Pages.Products;

/// The drawing shown where a product has no photo: one of its own kind, picked from the words of
/// its name (a key ring shows a key ring, not the leather category's bag), or the category's drawing
/// when no kind matches. Pages mark it as an example in its alt text, since it is not the product.
public sealed record ProductIllustration(string Url, IllustrationKind? Kind)
{
    /// Checked in order, the first match wins: specific words before the general ones they contain
    /// ("sarung tangan" before "sarung", "kursi roda" before "kursi"), the object before its material.
    public static IReadOnlyList<IllustrationKind> Kinds { get; } =
    [
        // Health equipment.
        new("ranjang-pasien", "ranjang pasien", "hospital bed", ["ranjang", "tempat tidur pasien"]),
        new("kursi-roda", "kursi roda", "wheelchair", ["kursi roda"]),
        new("tiang-infus", "tiang infus", "drip stand", ["infus"]),
        new("kruk", "tongkat kruk", "crutch", ["kruk", "tongkat"]),
        new("walker", "alat bantu jalan", "walking frame", ["walker", "alat bantu jalan"]),
        new("ventilator", "ventilator", "ventilator", ["ventilator", "cpap"]),
        new("flowmeter-oksigen", "flow meter oksigen", "oxygen flow meter", ["oksigen", "flowmeter", "flow meter", "humidifier"]),
        // Small leather goods.
        new("gantungan-kunci", "gantungan kunci", "key ring", ["gantungan kunci", "gantungan", "keychain"]),
        new("dompet", "dompet", "wallet", ["dompet"]),
        new("sarung-tangan", "sarung tangan", "gloves", ["sarung tangan"]),
        new("ikat-pinggang", "ikat pinggang", "belt", ["ikat pinggang", "sabuk"]),
        new("sandal", "sandal", "sandals", ["sandal", "selop"]),
        new("jaket", "jaket", "jacket", ["jaket"]),
        // Bags; a bag of any other kind is a handbag.
        new("tas-selempang", "tas selempang", "shoulder bag", ["selempang"]),
        new("tas-jinjing", "tas jinjing", "tote bag", ["tas jinjing", "totebag", "tote bag"]),
        new("ransel", "tas ransel", "backpack", ["ransel"]),
        new("tas-anyaman", "tas anyaman", "woven bag", ["tas anyaman", "tas rotan", "tas lontar", "tas pandan", "tas purun"]),
        new("tas-tangan", "tas tangan", "handbag", ["tas"]),
        // Woven goods.
        new("tatakan", "tatakan", "placemats and coasters", ["tatakan"]),
        new("tudung-saji", "tudung saji", "food cover", ["tudung saji"]),
        new("kotak-tisu", "kotak tisu", "tissue box", ["tisu"]),
        new("lampit", "lampit", "rattan mat", ["lampit"]),
        new("tikar", "tikar", "woven mat", ["tikar"]),
        new("topi", "topi", "hat", ["topi", "caping"]),
        new("keranjang", "keranjang", "basket", ["keranjang", "anjat", "haik", "bakul", "wadah anyaman"]),
        // Cloth and clothes: the garment before the cloth it is made of ("kemeja batik" is a shirt).
        new("taplak-meja", "taplak meja", "table runner", ["taplak"]),
        new("peci", "peci", "cap", ["peci", "kopiah", "songkok"]),
        new("selendang", "selendang", "shawl", ["selendang", "syal"]),
        new("jilbab", "jilbab", "headscarf", ["jilbab", "hijab", "kerudung", "pashmina", "khimar"]),
        new("mukena", "mukena", "prayer robe", ["mukena", "telekung"]),
        new("gamis", "gamis", "long dress", ["gamis", "abaya"]),
        new("tunik", "tunik", "tunic", ["tunik", "blus"]),
        new("baju-koko", "baju koko", "koko shirt", ["koko"]),
        new("kemeja", "kemeja", "shirt", ["kemeja"]),
        new("sarung", "sarung", "sarong", ["sarung"]),
        new("songket", "kain songket", "songket cloth", ["songket"]),
        new("kain-tenun", "kain tenun", "woven cloth", ["tenun", "hinggi", "ulos"]),
        new("kain-ecoprint", "kain ecoprint", "eco-printed cloth", ["ecoprint", "eco print"]),
        new("kain-batik", "kain batik", "batik cloth", ["batik", "sasirangan", "jumputan"]),
        // Furniture: the table before the chairs that come with it.
        new("bufet", "bufet", "sideboard", ["bufet", "buffet", "meja tv"]),
        new("meja-kerja", "meja kerja", "desk", ["meja kerja", "meja kantor"]),
        new("meja-makan", "meja makan", "dining table", ["meja makan", "meja"]),
        new("lemari-laci", "lemari laci", "chest of drawers", ["laci"]),
        new("lemari", "lemari", "cupboard", ["lemari"]),
        new("kursi-rotan", "kursi rotan", "rattan chair", ["kursi rotan", "kursi santai", "sofa"]),
        new("kursi-kayu", "kursi kayu", "wooden chair", ["kursi"]),
        // Pottery.
        new("kendi", "kendi", "water jug", ["kendi"]),
        new("cobek", "cobek", "mortar and pestle", ["cobek", "ulekan"]),
        new("guci", "guci", "large jar", ["guci", "gentong"]),
        new("periuk", "periuk", "cooking pot", ["periuk", "kuali gerabah"]),
        new("teko", "teko dan cangkir", "teapot and cups", ["teko", "cangkir", "poci"]),
        new("vas", "vas", "vase", ["vas"]),
        new("lampu-hias", "lampu hias", "lamp", ["lampu"]),
        new("pot-tanaman", "pot tanaman", "plant pot", ["pot"]),
        // Woodcraft.
        new("kotak-perhiasan", "kotak perhiasan", "jewellery box", ["kotak perhiasan"]),
        new("mangkuk", "mangkuk", "bowls", ["mangkuk"]),
        new("nampan", "nampan", "tray", ["nampan", "baki"]),
        new("talenan", "talenan", "chopping board", ["talenan"]),
        new("relief", "relief", "carved panel", ["relief"]),
        new("patung", "patung", "statue", ["patung"]),
        new("topeng", "topeng", "mask", ["topeng"]),
        // Body care, before food and coffee, whose words it shares ("lulur kopi", "sabun VCO").
        new("balsem", "balsem", "balm", ["balsem", "balsam", "salep"]),
        new("lulur", "lulur", "body scrub", ["lulur", "scrub", "boreh"]),
        new("serum", "serum", "serum", ["serum"]),
        new("sabun-cair", "sabun cair", "liquid soap", ["sabun cair"]),
        new("sabun", "sabun", "soap", ["sabun"]),
        new("minyak-aromaterapi", "minyak aromaterapi", "aromatherapy oil", ["minyak pijat", "aromaterapi", "minyak atsiri"]),
        new("minyak-kelapa", "minyak kelapa", "coconut oil", ["minyak kelapa", "vco"]),
        // Food and drink.
        new("teh", "teh", "tea", ["teh"]),
        new("sirup", "sirup", "syrup", ["sirup", "sirop"]),
        new("manisan", "manisan", "candied fruit", ["manisan"]),
        new("abon", "abon", "floss", ["abon"]),
        new("sambal", "sambal", "chilli sauce", ["sambal"]),
        new("cuko", "saus botol", "bottled sauce", ["cuko", "kecap", "saus"]),
        new("bumbu-instan", "bumbu instan", "spice paste", ["bumbu"]),
        new("rempah", "rempah", "spices", ["pala", "cengkih", "cengkeh", "kayu manis", "lada", "rempah"]),
        new("kerupuk", "kerupuk", "crackers", ["kerupuk", "krupuk", "kemplang", "keripik", "kripik", "rempeyek"]),
        new("kue-toples", "kue dalam toples", "cake in a jar", ["klappertaart", "kue", "bolu"]),
        new("dodol", "dodol", "dodol sweets", ["dodol", "lempok", "jenang", "wajik"]),
        // Coffee last: its word is in other kinds' names ("teh cascara kulit kopi").
        new("paket-hadiah", "paket hadiah", "gift pack", ["hadiah", "parsel", "hampers"]),
        new("kopi-mentah", "biji kopi mentah", "green coffee beans", ["kopi mentah", "green bean"]),
        new("kopi-botol", "kopi botol", "bottled coffee", ["cold brew", "konsentrat kopi", "kopi botol"]),
        new("kopi-drip", "kopi drip bag", "drip-bag coffee", ["drip"]),
        new("kopi-bubuk", "kopi bubuk", "ground coffee", ["kopi bubuk", "kopi giling", "kopi tubruk"]),
        new("kopi-biji", "biji kopi", "coffee beans", ["kopi", "espresso"]),
    ];

    // The keywords split into words once: cards pick a drawing on every render.
    private static readonly (IllustrationKind Kind, string[][] Keywords)[] _rules =
        [.. Kinds.Select(kind => (kind, kind.Keywords.Select(keyword => Words(keyword).ToArray()).ToArray()))];

    public bool IsCategoryDrawing => Kind is null;

    public static ProductIllustration For(string productName, string categorySlug)
    {
        var words = Words(productName);
        foreach (var (kind, keywords) in _rules)
        {
            if (keywords.Any(keyword => keyword.All(words.Contains)))
            {
                return new ProductIllustration(kind.Url, kind);
            }
        }
        return new ProductIllustration(SiteText.CategoryImage(categorySlug), null);
    }

    /// What the drawing shows, in the reader's language; the category's name for the category's drawing.
    public string Subject(bool english, string categoryName) =>
        Kind is null ? categoryName : english ? Kind.NameEn : Kind.Name;

    /// Lower-case words of letters and digits: "Ti'i" and "Rica-Rica" split where shoppers would.
    private static HashSet<string> Words(string text)
    {
        var plain = new StringBuilder(text.Length);
        foreach (var c in text.ToLower(CultureInfo.InvariantCulture))
        {
            plain.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }
        return plain.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
    }
}
