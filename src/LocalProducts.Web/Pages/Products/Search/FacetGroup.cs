namespace LocalProducts.Web.Pages.Products.Search;

/// Products that look the same to every facet: one category, province, regency (only within the
/// chosen province, else null), price band, side of the price filter and set of valid
/// certificates (<see cref="FlagOf"/> bits). The database groups a search's rows into these; the
/// facets are summed from them here.
public sealed record FacetGroup(int CategoryId, string Province, string? Regency, int Band, bool InPrice, int Flags, int Products)
{
    /// The bits of product_search_flags (Data/Sql/product_search_flags.sql).
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

    /// How a price step of the kept counts lies against the price filter: wholly inside, wholly
    /// outside, or partly (its products must then be looked at one by one). Prices are never
    /// negative.
    public static StepSide SideOf(int step, long? min, long? max)
    {
        var range = ProductSearch.PriceSteps[step];
        var (low, high) = (range.Min ?? 0, range.Max ?? long.MaxValue);
        var (from, to) = (Math.Max(min ?? 0, 0), max ?? long.MaxValue);
        if (low >= from && high <= to)
        {
            return StepSide.Inside;
        }
        return high < from || low > to ? StepSide.Outside : StepSide.Partly;
    }

    /// The prices of the filter that lie in steps only partly inside it: the rows a search must
    /// still look at when whole steps are counted already.
    public static IReadOnlyList<(long From, long To)> PartlyCoveredPrices(long? min, long? max) =>
        Enumerable.Range(0, ProductSearch.PriceSteps.Count)
            .Where(step => SideOf(step, min, max) == StepSide.Partly)
            .Select(step => (Math.Max(ProductSearch.PriceSteps[step].Min ?? 0, Math.Max(min ?? 0, 0)),
                             Math.Min(ProductSearch.PriceSteps[step].Max ?? long.MaxValue, max ?? long.MaxValue)))
            .ToList();

    /// The facets' band a price step lies in (every band edge is a step edge).
    public static int BandOfStep(int step) => _bandOfStep[step];

    private static readonly int[] _bandOfStep = ProductSearch.PriceSteps
        .Select(step => ProductSearch.PriceBands.ToList().FindLastIndex(band => (band.Min ?? 0) <= (step.Min ?? 0)))
        .ToArray();

    /// Kept groups (counted per price step) as facet groups: a step inside or outside the price
    /// filter goes whole to one side; a step partly inside is split using the products of that
    /// step found inside the filter (<paramref name="insideOfPartlySteps"/>, grouped the same way).
    public static List<FacetGroup> SplitByPrice(IEnumerable<KeptGroup> kept, IEnumerable<KeptGroup> insideOfPartlySteps, long? min, long? max)
    {
        var inside = insideOfPartlySteps.ToDictionary(g => (g.CategoryId, g.Province, g.Step, g.Flags), g => g.Products);
        var split = new List<FacetGroup>();
        foreach (var g in kept)
        {
            var band = BandOfStep(g.Step);
            switch (SideOf(g.Step, min, max))
            {
                case StepSide.Inside:
                    split.Add(new FacetGroup(g.CategoryId, g.Province, null, band, true, g.Flags, g.Products));
                    break;
                case StepSide.Outside:
                    split.Add(new FacetGroup(g.CategoryId, g.Province, null, band, false, g.Flags, g.Products));
                    break;
                default:
                    var insideCount = inside.GetValueOrDefault((g.CategoryId, g.Province, g.Step, g.Flags));
                    split.Add(new FacetGroup(g.CategoryId, g.Province, null, band, true, g.Flags, insideCount));
                    split.Add(new FacetGroup(g.CategoryId, g.Province, null, band, false, g.Flags, g.Products - insideCount));
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

/// Products of the kept counts that look the same to every facet: one category, province, price
/// step (<see cref="ProductSearch.PriceSteps"/>) and set of valid certificates.
public sealed record KeptGroup(int CategoryId, string Province, int Step, int Flags, int Products);

public enum StepSide
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
