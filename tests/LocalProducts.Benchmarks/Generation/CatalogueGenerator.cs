using System.Globalization;
using LocalProducts.Web.Domain;

namespace LocalProducts.Benchmarks.Generation;

/// Builds IKM and their products, certificates and marketplace links from the vocabulary and the
/// reference data, in memory. Everything comes from one Random seeded by the caller and from
/// fixed dates, so the same seed against the same reference seeds gives the same rows.
internal sealed class CatalogueGenerator
{
    /// "Now" for generated data: creation and publication times fall in the two years before it.
    public static readonly DateTime BaseTime = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);

    private const double PendingIkmShare = 0.10;
    private const double PriceRangeShare = 0.25;
    /// Caps the long tail of products per maker: the busiest list a couple of hundred, not a thousand.
    private const double MaxMakerWeight = 20;
    private static readonly DateTime _earliest = BaseTime.AddYears(-2);
    private static readonly int[] _bulkMinOrders = [2, 3, 5, 6, 10, 12];
    private static readonly string[] _whatsAppPrefixes = ["811", "812", "813", "821", "822", "823", "852", "853", "857", "858", "877", "878", "881", "895", "896", "897", "898", "899", "831", "838"];

    private static readonly WeightedPicker<Marketplace> _platforms = new([
        (Marketplace.Shopee, 35), (Marketplace.Tokopedia, 30), (Marketplace.TikTokShop, 15),
        (Marketplace.Lazada, 8), (Marketplace.Blibli, 6), (Marketplace.Bukalapak, 6)]);
    private static readonly WeightedPicker<int> _platformsPerIkm = new([(1, 0.10), (2, 0.35), (3, 0.35), (4, 0.20)]);
    private static readonly WeightedPicker<int> _linksPerProduct = new([(0, 0.15), (1, 0.35), (2, 0.30), (3, 0.20)]);
    private static readonly WeightedPicker<IkmScale> _scales = new([(IkmScale.Mikro, 0.70), (IkmScale.Kecil, 0.24), (IkmScale.Menengah, 0.06)]);

    private readonly Random _random;
    private readonly Vocabulary _vocabulary;
    private readonly ReferenceData _reference;
    private readonly HashSet<string> _usedNibs;
    private readonly HashSet<string> _stickyParts;
    private readonly WeightedPicker<ProvinceRow> _provincePicker;
    private readonly Dictionary<string, WeightedPicker<RegencyRow>> _regencyPickers;
    private readonly Dictionary<string, CategoryRow> _categories;
    private readonly WeightedPicker<string> _categoryPicker;
    private readonly Dictionary<string, string[]> _siblings;

    public CatalogueGenerator(Vocabulary vocabulary, ReferenceData reference, int seed, IEnumerable<string> nibsInUse)
    {
        _random = new Random(seed);
        _vocabulary = vocabulary;
        _reference = reference;
        _usedNibs = new HashSet<string>(nibsInUse, StringComparer.Ordinal);
        _stickyParts = new HashSet<string>(vocabulary.Common.StickyParts, StringComparer.Ordinal);
        _provincePicker = new WeightedPicker<ProvinceRow>(reference.Provinces.Select(p =>
            (p, vocabulary.Common.ProvinceWeights.TryGetValue(p.Code, out var weight) ? weight : 1d)));
        // Cities weigh a little more than regencies: more makers sell online from them.
        _regencyPickers = reference.Regencies.GroupBy(r => r.ProvinceCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new WeightedPicker<RegencyRow>(g.Select(r => (r, r.Name.StartsWith("Kota ", StringComparison.Ordinal) ? 1.5 : 1d))),
                StringComparer.Ordinal);
        _categories = reference.Categories.ToDictionary(c => c.Slug, StringComparer.Ordinal);
        var slugs = vocabulary.CategorySlugs;
        _categoryPicker = new WeightedPicker<string>(slugs.Select(slug => (slug, vocabulary.Categories[slug].Weight)));
        _siblings = slugs.ToDictionary(
            slug => slug,
            slug => _categories[slug].ParentId is { } parent
                ? slugs.Where(other => other != slug && _categories[other].ParentId == parent).ToArray()
                : [],
            StringComparer.Ordinal);
    }

    public GeneratedCatalogue Generate(int ikmCount, int productCount)
    {
        var makers = GenerateMakers(ikmCount);
        var counts = ProductsPerMaker(makers, productCount);
        var products = new List<GeneratedProduct>(productCount);
        for (var i = 0; i < makers.Count; i++)
        {
            for (var j = 0; j < counts[i]; j++)
            {
                products.Add(GenerateProduct(makers[i]));
            }
        }

        // Identity values follow insertion order, so insert in order of creation: ids then rise
        // with time, as they do on the real site.
        var ordered = products.Select((product, index) => (product, index))
            .OrderBy(p => p.product.CreatedAt).ThenBy(p => p.index)
            .Select(p => p.product).ToList();
        for (var n = 0; n < ordered.Count; n++)
        {
            ordered[n].Slug = GeneratedSlug(n + 1, ordered[n].Name);
        }
        return new GeneratedCatalogue([.. makers.Select(m => m.Ikm)], ordered);
    }

    public static string GeneratedSlug(int number, string name)
    {
        var slug = $"gen-{number.ToString(CultureInfo.InvariantCulture)}-{Slug.From(name)}";
        return slug.Length <= Slug.MaxLength ? slug.TrimEnd('-') : slug[..Slug.MaxLength].TrimEnd('-');
    }

    /// What a product needs to know about its maker.
    private sealed record Maker(
        GeneratedIkm Ikm,
        string MainCategory,
        RegencyRow Regency,
        string ProvinceName,
        string Handle,
        IReadOnlyList<Marketplace> Platforms,
        long ShopId);

    private List<Maker> GenerateMakers(int count)
    {
        // Every province gets at least one maker (when there are enough makers); the rest follow
        // the weights, with Java heaviest.
        var everyProvince = _reference.Provinces.ToArray();
        _random.Shuffle(everyProvince);
        var makers = new List<Maker>(count);
        for (var i = 0; i < count; i++)
        {
            var province = i < everyProvince.Length ? everyProvince[i] : _provincePicker.Pick(_random);
            makers.Add(GenerateMaker(province));
        }
        var ordered = makers.Select((maker, index) => (maker, index))
            .OrderBy(m => m.maker.Ikm.CreatedAt).ThenBy(m => m.index)
            .Select(m => m.maker).ToList();
        for (var n = 0; n < ordered.Count; n++)
        {
            ordered[n].Ikm.Slug = GeneratedSlug(n + 1, ordered[n].Ikm.Name);
        }
        return ordered;
    }

    private Maker GenerateMaker(ProvinceRow province)
    {
        var pending = _random.Chance(PendingIkmShare);
        // Makers still waiting for verification registered recently.
        var createdAt = pending
            ? _random.Between(BaseTime.AddDays(-60), BaseTime.AddHours(-1))
            : _random.Between(_earliest, BaseTime.AddDays(-3));
        var regency = _regencyPickers[province.Code].Pick(_random);
        var district = _reference.DistrictsByRegency.TryGetValue(regency.Code, out var districts) && _random.Chance(0.8)
            ? _random.One(districts)
            : null;
        var categorySlug = _categoryPicker.Pick(_random);
        var category = _vocabulary.Categories[categorySlug];
        var common = _vocabulary.Common;
        var scale = _scales.Pick(_random);
        var workers = scale switch
        {
            IkmScale.Mikro => _random.Next(2, 10),
            IkmScale.Kecil => _random.Next(10, 50),
            _ => _random.Next(50, 160),
        };
        var foundedYear = Math.Min(createdAt.Year - 1, 2024 - (int)(Math.Pow(_random.NextDouble(), 1.5) * 40));
        var person = _random.One(common.People);
        var provinceName = ProvinceName(province);
        var region = _random.Chance(0.5) ? regency.PlaceName : _random.One(category.Regions);

        string? Resolve(string key) => key switch
        {
            "prefix" => _random.One(common.Prefixes),
            "core" => _random.One(common.Cores),
            "suffix" => _random.One(common.Suffixes),
            "person" => person,
            "trade" => _random.One(category.Trade),
            "place" => regency.PlaceName,
            "region" => region,
            "province" => provinceName,
            "year" => foundedYear.ToString(CultureInfo.InvariantCulture),
            "workers" => workers.ToString(CultureInfo.InvariantCulture),
            "ikmDetail" => _random.One(category.IkmDetails),
            "storyClosing" => common.StoryClosing,
            _ => common.Parts.TryGetValue(key, out var list) ? _random.One(list) : null,
        };

        var name = TextComposer.Fill(_random.One(common.MakerPatterns), Resolve);
        string? Story(string key) => key == "name" ? name : Resolve(key);
        var story = TextComposer.Fill(_random.One(common.StoryTemplates), Story);
        var sentra = _random.Chance(0.25) ? TextComposer.Fill(_random.One(category.Sentra), Resolve) : null;
        var address = $"{_random.One(common.Streets)} No. {_random.Next(1, 200).ToString(CultureInfo.InvariantCulture)}"
            + (district is null ? "" : $", Kecamatan {district.Name}") + $", {regency.Name}";
        var handle = Handle(name);
        var verifiedAt = pending ? (DateTime?)null : Min(createdAt.AddDays(1 + (_random.NextDouble() * 20)), BaseTime.AddHours(-1));

        var ikm = new GeneratedIkm
        {
            Slug = "",
            Name = name,
            Nib = NewNib(),
            Scale = scale,
            Kbli = _random.One(category.Kbli),
            ProvinceCode = province.Code,
            RegencyCode = regency.Code,
            DistrictCode = district?.Code,
            Address = address,
            Sentra = sentra,
            FoundedYear = foundedYear,
            Story = story,
            WhatsApp = _random.Chance(0.85) ? $"+62{_random.One(_whatsAppPrefixes)}{_random.Digits(_random.Next(7, 9))}" : null,
            Email = _random.Chance(0.65) ? $"{handle}@contoh.example" : null,
            Website = _random.Chance(0.12) ? $"https://{handle}.example" : null,
            Verification = pending ? VerificationState.Pending : VerificationState.Verified,
            VerifiedAt = verifiedAt,
            CreatedAt = createdAt,
            UpdatedAt = _random.Between(verifiedAt ?? createdAt, BaseTime),
        };
        return new Maker(ikm, categorySlug, regency, provinceName, handle, PickPlatforms(), 100_000_000 + _random.NextInt64(900_000_000));
    }

    /// Every maker gets one product (while there are enough); makers waiting for verification
    /// are new and list one or two; the rest go to verified makers with a long tail, as a few
    /// makers list many products and most list a handful.
    private int[] ProductsPerMaker(IReadOnlyList<Maker> makers, int productCount)
    {
        var counts = new int[makers.Count];
        var left = productCount;
        for (var i = 0; i < makers.Count && left > 0; i++)
        {
            counts[i] = 1;
            left--;
        }
        for (var i = 0; i < makers.Count && left > 0; i++)
        {
            if (makers[i].Ikm.Verification == VerificationState.Pending && _random.Chance(0.3))
            {
                counts[i]++;
                left--;
            }
        }
        var verified = Enumerable.Range(0, makers.Count).Where(i => makers[i].Ikm.Verification == VerificationState.Verified).ToList();
        if (verified.Count == 0)
        {
            verified = [.. Enumerable.Range(0, makers.Count)];
        }
        if (verified.Count > 0 && left > 0)
        {
            var picker = new WeightedPicker<int>(verified.Select(i => (i, Math.Min(MaxMakerWeight, Math.Pow(1 - _random.NextDouble(), -0.45)))));
            for (; left > 0; left--)
            {
                counts[picker.Pick(_random)]++;
            }
        }
        return counts;
    }

    private GeneratedProduct GenerateProduct(Maker maker)
    {
        var categorySlug = maker.MainCategory;
        var roll = _random.NextDouble();
        // Most products are in the maker's own category, some in a neighbouring one (a batik
        // maker's ecoprint scarf), a few anywhere.
        if (roll >= 0.98)
        {
            categorySlug = _categoryPicker.Pick(_random);
        }
        else if (roll >= 0.88 && _siblings[categorySlug].Length > 0)
        {
            categorySlug = _random.One(_siblings[categorySlug]);
        }
        var category = _vocabulary.Categories[categorySlug];
        var noun = _random.One(category.Products);
        var sizeIndex = noun.Sizes.Count > 0 ? _random.Next(noun.Sizes.Count) : -1;
        var size = sizeIndex >= 0 ? noun.Sizes[sizeIndex] : "";
        var variety = _random.One(category.Varieties);
        var quality = _random.One(category.Qualities);
        var region = _random.Chance(0.5) ? maker.Regency.PlaceName : _random.One(category.Regions);
        var (priceMin, priceMax) = Prices(noun, sizeIndex);
        var minOrder = priceMin < 500_000 && _random.Chance(0.1) ? _random.One(_bulkMinOrders) : 1;
        var sticky = new Dictionary<string, string>(StringComparer.Ordinal);

        string? Resolve(string key)
        {
            switch (key)
            {
                case "noun": return noun.Noun;
                case "variety": return variety;
                case "quality": return quality;
                case "region": return region;
                case "size": return size;
                case "unit": return noun.Unit;
                case "place": return maker.Regency.PlaceName;
                case "province": return maker.ProvinceName;
                case "maker": return maker.Ikm.Name;
                case "year": return maker.Ikm.FoundedYear.ToString(CultureInfo.InvariantCulture);
                case "minOrder": return minOrder.ToString(CultureInfo.InvariantCulture);
            }
            if (sticky.TryGetValue(key, out var kept))
            {
                return kept;
            }
            if (!category.Parts.TryGetValue(key, out var list) && !_vocabulary.Common.Parts.TryGetValue(key, out list))
            {
                return null;
            }
            var value = _random.One(list);
            if (_stickyParts.Contains(key))
            {
                sticky[key] = value;
            }
            return value;
        }

        var name = TextComposer.TitleCase(TextComposer.Fill(_random.One(category.Names), Resolve));
        var description = TextComposer.Fill(_random.One(category.Descriptions), Resolve);
        if (_random.Chance(0.6))
        {
            // A second Markdown paragraph with the practical details many sellers add.
            var first = TextComposer.Fill($"{{{Vocabulary.MoreInfoPart}}}", Resolve);
            var second = _random.Chance(0.5) ? TextComposer.Fill($"{{{Vocabulary.MoreInfoPart}}}", Resolve) : first;
            description += "\n\n" + (second == first ? first : $"{first} {second}");
        }

        var ikm = maker.Ikm;
        var createdAt = _random.Between(ikm.VerifiedAt ?? ikm.CreatedAt, BaseTime.AddMinutes(-5));
        ProductState state;
        if (ikm.Verification != VerificationState.Verified)
        {
            state = ProductState.PendingReview;
        }
        else
        {
            var stateRoll = _random.NextDouble();
            state = stateRoll < 0.985 ? ProductState.Published : stateRoll < 0.9925 ? ProductState.PendingReview : ProductState.Hidden;
        }
        // Hidden products were published before they were hidden, so they keep their date.
        DateTime? publishedAt = state == ProductState.PendingReview
            ? null
            : Min(createdAt.AddHours(_random.NextDouble() * 72), BaseTime.AddMinutes(-1));
        var hiddenReason = state == ProductState.Hidden ? _random.One(_vocabulary.Common.HiddenReasons) : null;

        return new GeneratedProduct
        {
            Ikm = ikm,
            CategoryId = _categories[categorySlug].Id,
            Slug = "",
            Name = name,
            Description = description,
            PriceMin = priceMin,
            PriceMax = priceMax,
            Unit = noun.Unit,
            MinOrder = minOrder,
            State = state,
            HiddenReason = hiddenReason,
            CreatedAt = createdAt,
            PublishedAt = publishedAt,
            UpdatedAt = _random.Between(publishedAt ?? createdAt, BaseTime),
            Certifications = Certificates(category, maker),
            Links = Links(maker, name),
        };
    }

    /// Prices rise with the size (sizes are listed small to large); without sizes, cheaper
    /// prices are more common. A quarter of products have variants, so a price range.
    private (long Min, long? Max) Prices(ProductNoun noun, int sizeIndex)
    {
        var low = Math.Log(noun.Price[0]);
        var high = Math.Log(noun.Price[1]);
        var position = sizeIndex >= 0
            ? (sizeIndex + _random.NextDouble()) / noun.Sizes.Count
            : Math.Pow(_random.NextDouble(), 1.6);
        var min = RoundPrice(Math.Exp(low + ((high - low) * position)));
        if (!_random.Chance(PriceRangeShare))
        {
            return (min, null);
        }
        var max = RoundPrice(min * (1.15 + (_random.NextDouble() * 1.1)));
        return (min, max > min ? max : min + PriceStep(min));
    }

    private static long RoundPrice(double amount)
    {
        var step = PriceStep(amount);
        return Math.Max(step, (long)Math.Round(amount / step) * step);
    }

    private static long PriceStep(double amount) => amount < 50_000 ? 500 : amount < 1_000_000 ? 1_000 : 5_000;

    private List<GeneratedCertification> Certificates(CategoryVocabulary category, Maker maker)
    {
        var rates = category.Certifications;
        var food = rates.Pirt > 0;
        var list = new List<GeneratedCertification>(3);
        if (_random.Chance(rates.Tkdn))
        {
            var issued = _random.Between(new DateOnly(2023, 3, 1), new DateOnly(2026, 10, 31));
            list.Add(new GeneratedCertification(
                CertificationKind.Tkdn,
                $"TKDN-{_random.Next(1, 100_000):D5}/{issued.Year}",
                issued,
                issued.AddYears(3),
                Math.Round((decimal)(10 + (_random.NextDouble() * 70)), 2),
                Math.Round((decimal)(_random.NextDouble() * 15), 2)));
        }
        var hasBpomMd = _random.Chance(rates.BpomMd);
        if (hasBpomMd)
        {
            var issued = _random.Between(new DateOnly(2021, 1, 1), new DateOnly(2026, 10, 31));
            var number = food ? $"BPOM RI MD {_random.Digits(12)}" : $"BPOM RI NA18{issued.Year % 100:D2}{_random.Digits(7)}";
            list.Add(new GeneratedCertification(CertificationKind.BpomMd, number, issued, issued.AddYears(5), null, null));
        }
        else if (food && _random.Chance(rates.Pirt))
        {
            var issued = _random.Between(new DateOnly(2020, 6, 1), new DateOnly(2026, 10, 31));
            var expires = issued.AddYears(5);
            var regencyDigits = maker.Regency.Code.Replace(".", "", StringComparison.Ordinal);
            list.Add(new GeneratedCertification(
                CertificationKind.Pirt,
                $"P-IRT 2{regencyDigits}{_random.Digits(8)}-{expires.Year % 100:D2}",
                issued,
                expires,
                null,
                null));
        }
        if (!hasBpomMd && _random.Chance(rates.BpomMl))
        {
            var issued = _random.Between(new DateOnly(2021, 1, 1), new DateOnly(2026, 10, 31));
            list.Add(new GeneratedCertification(CertificationKind.BpomMl, $"BPOM RI ML {_random.Digits(12)}", issued, issued.AddYears(5), null, null));
        }
        if (_random.Chance(rates.Halal))
        {
            // Certificates from before the 2021 rules ran four years; newer ones have no end date.
            var issued = _random.Between(new DateOnly(2019, 6, 1), new DateOnly(2026, 10, 31));
            DateOnly? expires = issued < new DateOnly(2021, 2, 2) ? issued.AddYears(4) : null;
            var number = $"ID{maker.Ikm.ProvinceCode}{_random.Digits(6)}{_random.Digits(5)}{issued.Month:D2}{issued.Year % 100:D2}";
            list.Add(new GeneratedCertification(CertificationKind.Halal, number, issued, expires, null, null));
        }
        if (category.Sni.Count > 0 && _random.Chance(rates.Sni))
        {
            var issued = _random.Between(new DateOnly(2022, 1, 1), new DateOnly(2026, 10, 31));
            list.Add(new GeneratedCertification(CertificationKind.Sni, _random.One(category.Sni), issued, issued.AddYears(4), null, null));
        }
        list.Sort((a, b) => a.Kind.CompareTo(b.Kind));
        return list;
    }

    private Marketplace[] PickPlatforms()
    {
        var count = _platformsPerIkm.Pick(_random);
        var chosen = new List<Marketplace>(count);
        while (chosen.Count < count)
        {
            var platform = _platforms.Pick(_random);
            if (!chosen.Contains(platform))
            {
                chosen.Add(platform);
            }
        }
        return [.. chosen];
    }

    private List<GeneratedLink> Links(Maker maker, string productName)
    {
        var count = Math.Min(_linksPerProduct.Pick(_random), maker.Platforms.Count);
        var platforms = maker.Platforms.ToArray();
        _random.Shuffle(platforms);
        var nameSlug = Slug.From(productName);
        var links = new List<GeneratedLink>(count);
        foreach (var platform in platforms.Take(count).Order())
        {
            var url = platform switch
            {
                Marketplace.Tokopedia => $"https://www.tokopedia.com/{maker.Handle}/{nameSlug}",
                Marketplace.Shopee => $"https://shopee.co.id/{ShopeeTitle(nameSlug)}-i.{maker.ShopId}.{20_000_000_000 + _random.NextInt64(9_000_000_000)}",
                Marketplace.Bukalapak => $"https://www.bukalapak.com/p/{maker.Handle}/{_random.Next(0x100000, 0x1000000):x6}-jual-{nameSlug}",
                Marketplace.Blibli => $"https://www.blibli.com/p/{nameSlug}/ps--{maker.Handle.ToUpperInvariant()[..Math.Min(3, maker.Handle.Length)]}-{_random.Digits(5)}-{_random.Digits(5)}",
                Marketplace.Lazada => $"https://www.lazada.co.id/products/{nameSlug}-i{_random.Digits(10)}.html",
                Marketplace.TikTokShop => $"https://www.tiktok.com/view/product/17{_random.Digits(17)}?region=ID",
                _ => throw new InvalidOperationException($"No link format for {platform}."),
            };
            if (!Marketplaces.IsShopUrl(platform, url))
            {
                throw new InvalidOperationException($"Generated link {url} is not a shop link on {platform}.");
            }
            links.Add(new GeneratedLink(platform, url));
        }
        return links;
    }

    private string NewNib()
    {
        while (true)
        {
            var nib = "8" + _random.Digits(Nib.Length - 1);
            if (_usedNibs.Add(nib))
            {
                return nib;
            }
        }
    }

    private static string Handle(string name)
    {
        var handle = Slug.From(name).Replace("-", "", StringComparison.Ordinal);
        return handle.Length == 0 ? "tokolokal" : handle[..Math.Min(24, handle.Length)];
    }

    private static string ShopeeTitle(string slug) =>
        string.Join('-', slug.Split('-').Select(TextComposer.UpperFirst));

    private static string ProvinceName(ProvinceRow province) => province.Name
        .Replace("Daerah Khusus Ibukota ", "DKI ", StringComparison.Ordinal)
        .Replace("Daerah Istimewa ", "DI ", StringComparison.Ordinal);

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
