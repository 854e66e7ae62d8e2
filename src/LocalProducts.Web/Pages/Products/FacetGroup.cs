namespace LocalProducts.Web.Pages.Products;

/// Products that look the same to every facet: one category, province, regency (only within the
/// chosen province, else null), price band, side of the price filter and set of valid
/// certificates (<see cref="FlagOf"/> bits). The database groups a search's rows into these; the
/// facets are summed from them here.
public sealed record FacetGroup(int CategoryId, string Province, string? Regency, int Band, bool InPrice, int Flags, int Products)
{
    /// The bits of product_search_flags (migration ProductSearchRows).
    public static int FlagOf(CertificationFilter certification) => certification switch
    {
        CertificationFilter.Tkdn => 1,
        CertificationFilter.Halal => 2,
        CertificationFilter.Sni => 4,
        _ => 8,
    };

    private static readonly CertificationFilter[] _certifications =
        [CertificationFilter.Tkdn, CertificationFilter.Halal, CertificationFilter.Sni, CertificationFilter.Pdn];
    private static readonly string[] _certificationKeys = _certifications.Select(c => c.ToString().ToLowerInvariant()).ToArray();
    private static readonly string[] _bandKeys = Enumerable.Range(0, ProductSearch.PriceBands.Count).Select(b => $"band{b}").ToArray();

    /// How a price band lies against the price filter: wholly inside, wholly outside, or partly
    /// (its products must then be looked at one by one). Prices are never negative.
    public static BandSide SideOf(int band, long? min, long? max)
    {
        var range = ProductSearch.PriceBands[band];
        var (low, high) = (range.Min ?? 0, range.Max ?? long.MaxValue);
        var (from, to) = (Math.Max(min ?? 0, 0), max ?? long.MaxValue);
        if (low >= from && high <= to)
        {
            return BandSide.Inside;
        }
        return high < from || low > to ? BandSide.Outside : BandSide.Partly;
    }

    /// The prices of the filter that lie in bands only partly inside it: the rows a search must
    /// still look at when whole bands are counted already.
    public static IReadOnlyList<(long From, long To)> PartlyCoveredPrices(long? min, long? max) =>
        Enumerable.Range(0, ProductSearch.PriceBands.Count)
            .Where(band => SideOf(band, min, max) == BandSide.Partly)
            .Select(band => (Math.Max(ProductSearch.PriceBands[band].Min ?? 0, Math.Max(min ?? 0, 0)),
                             Math.Min(ProductSearch.PriceBands[band].Max ?? long.MaxValue, max ?? long.MaxValue)))
            .ToList();

    /// Kept groups (counted per whole band) split by the price filter: a band inside or outside
    /// it goes whole to one side; a band partly inside is split using the products of that band
    /// found inside the filter (<paramref name="insideOfPartlyBands"/>, grouped the same way).
    public static List<FacetGroup> SplitByPrice(IEnumerable<FacetGroup> kept, IEnumerable<FacetGroup> insideOfPartlyBands, long? min, long? max)
    {
        var inside = insideOfPartlyBands.ToDictionary(g => (g.CategoryId, g.Province, g.Band, g.Flags), g => g.Products);
        var split = new List<FacetGroup>();
        foreach (var g in kept)
        {
            switch (SideOf(g.Band, min, max))
            {
                case BandSide.Inside:
                    split.Add(g with { InPrice = true });
                    break;
                case BandSide.Outside:
                    split.Add(g with { InPrice = false });
                    break;
                default:
                    var insideCount = inside.GetValueOrDefault((g.CategoryId, g.Province, g.Band, g.Flags));
                    split.Add(g with { InPrice = true, Products = insideCount });
                    split.Add(g with { InPrice = false, Products = g.Products - insideCount });
                    break;
            }
        }
        return split;
    }

    /// Each facet counts with every filter applied but its own, as a reader choosing another value
    /// would see. <paramref name="provinceFacetGroups"/> feed the province facet: the same groups,
    /// or the whole catalogue's when <paramref name="groups"/> hold only the chosen province.
    public static SearchCounts Sum(IEnumerable<FacetGroup> groups, IEnumerable<FacetGroup> provinceFacetGroups, FacetCriteria criteria)
    {
        var counts = new SearchCounts();
        foreach (var g in groups)
        {
            var category = criteria.CategoryIds is null || criteria.CategoryIds.Contains(g.CategoryId);
            var province = criteria.ProvinceCode is null || g.Province == criteria.ProvinceCode;
            var regency = criteria.RegencyCode is null || g.Regency == criteria.RegencyCode;
            var certified = (g.Flags & criteria.CertificationFlags) == criteria.CertificationFlags;
            if (province && regency && g.InPrice && certified)
            {
                Add(counts.Categories, g.CategoryId, g.Products);
            }
            if (g.Regency is not null && criteria.ProvinceCode is not null && g.Province == criteria.ProvinceCode)
            {
                Add(counts.Regencies, g.Regency, category && g.InPrice && certified ? g.Products : 0);
            }
            if (category && province && regency && certified)
            {
                Add(counts.Totals, _bandKeys[g.Band], g.Products);
            }
            if (category && province && regency && g.InPrice && certified)
            {
                Add(counts.Totals, "total", g.Products);
                for (var i = 0; i < _certifications.Length; i++)
                {
                    if ((g.Flags & FlagOf(_certifications[i])) != 0)
                    {
                        Add(counts.Totals, _certificationKeys[i], g.Products);
                    }
                }
            }
        }
        foreach (var g in provinceFacetGroups)
        {
            var category = criteria.CategoryIds is null || criteria.CategoryIds.Contains(g.CategoryId);
            var certified = (g.Flags & criteria.CertificationFlags) == criteria.CertificationFlags;
            // Every province with matching products is listed (the chosen one even at zero).
            Add(counts.Provinces, g.Province, category && g.InPrice && certified ? g.Products : 0);
        }
        return counts;
    }

    private static void Add<TKey>(Dictionary<TKey, int> counts, TKey key, int products) where TKey : notnull =>
        counts[key] = counts.GetValueOrDefault(key) + products;
}

public enum BandSide
{
    Inside,
    Outside,
    Partly,
}

/// The filters of a search as the facets apply them; null means not filtered.
public sealed record FacetCriteria(IReadOnlySet<int>? CategoryIds, string? ProvinceCode, string? RegencyCode, int CertificationFlags);

/// Facet counts of one search: per category id, province code and regency code, and the totals
/// ("total", each certificate's name, "band0".."band5").
public sealed class SearchCounts
{
    public Dictionary<int, int> Categories { get; } = [];
    public Dictionary<string, int> Provinces { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, int> Regencies { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, int> Totals { get; } = new(StringComparer.Ordinal);
    public int Total => Totals.GetValueOrDefault("total");
}
