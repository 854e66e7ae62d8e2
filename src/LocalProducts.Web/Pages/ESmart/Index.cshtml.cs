using System.Globalization;
using LocalProducts.Web.Pages.Charts;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace LocalProducts.Web.Pages.ESmart;

/// The public e-Smart IKM page: the programme, its cohorts and its live figures. Not output-cached:
/// the figures are a few grouped counts, and a cached copy would go stale when staff mark modules.
public sealed class IndexModel(ESmartFiguresQuery query, IStringLocalizer<SharedResource> text) : PageModel
{
    /// Categories shown in the chart; the table lists them all.
    public const int ChartCategories = 10;

    public ESmartFiguresView View { get; private set; } = null!;

    public Chart CategoryChart { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        View = await query.RunAsync(SiteText.IsEnglish, cancellationToken);
        var top = View.ByCategory.Where(c => c.Trained > 0).Take(ChartCategories).ToList();
        CategoryChart = new Chart(
            "esmart-kategori",
            text["IKM terlatih per kategori"],
            top.Count == 0
                ? text["Belum ada IKM terlatih."]
                : text["Kategori dengan IKM terlatih terbanyak: {0} ({1} IKM).", top[0].Name ?? text["Tanpa kategori"], top[0].Trained.ToString("N0", CultureInfo.CurrentCulture)],
            ChartShape.Bar,
            ChartValueKind.Count,
            [.. top.Select(c => c.Name ?? text["Tanpa kategori"].Value)],
            [new ChartSeries(text["Terlatih"], [.. top.Select(c => (double?)c.Trained)])]);
    }
}
