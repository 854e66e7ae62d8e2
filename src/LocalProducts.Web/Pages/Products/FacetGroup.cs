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

    /// Whether a price filter falls on band edges, so that whole bands are inside or outside it
    /// and counts kept per band can answer it.
    public static bool PriceFilterOnBandEdges(long? min, long? max) =>
        (min is null or <= 0 || ProductSearch.PriceBands.Any(b => b.Min == min))
        && (max is null || ProductSearch.PriceBands.Any(b => b.Max == max));

    /// Whether a whole band lies inside the price filter (for filters on band edges).
    public static bool BandInPrice(int band, long? min, long? max)
    {
        var range = ProductSearch.PriceBands[band];
        return (min is null || (range.Min ?? 0) >= min) && (max is null || (range.Max is { } top && top <= max));
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
                Add(counts.Totals, $"band{g.Band}", g.Products);
            }
            if (category && province && regency && g.InPrice && certified)
            {
                Add(counts.Totals, "total", g.Products);
                foreach (var certification in _certifications.Where(c => (g.Flags & FlagOf(c)) != 0))
                {
                    Add(counts.Totals, certification.ToString().ToLowerInvariant(), g.Products);
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
