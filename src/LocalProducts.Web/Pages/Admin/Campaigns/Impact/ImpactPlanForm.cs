using System.ComponentModel.DataAnnotations;
using LocalProducts.Web.Domain.Impact;

namespace LocalProducts.Web.Pages.Admin.Campaigns.Impact;

/// The impact plan editor's form. Dates are text (yyyy-mm-dd or dd/mm/yyyy), read by the command.
public sealed class ImpactPlanForm
{
    /// The plan's version when the form was opened; 0 for a plan not yet saved.
    public uint Version { get; set; }

    public int[] CoveredCategoryIds { get; set; } = [];

    public int[] ControlCategoryIds { get; set; } = [];

    [Display(Name = "Awal kampanye")]
    public string? PeriodStart { get; set; }

    [Display(Name = "Akhir kampanye")]
    public string? PeriodEnd { get; set; }

    [Display(Name = "Awal periode pembanding")]
    public string? BaselineStart { get; set; }

    [Display(Name = "Akhir periode pembanding")]
    public string? BaselineEnd { get; set; }

    [Display(Name = "Bulan sebelum kampanye")]
    public int PreCampaignMonths { get; set; } = CampaignImpactPlan.DefaultPreCampaignMonths;

    [StringLength(CampaignImpactPlan.NoteMaxLength, ErrorMessage = "{0} paling banyak {1} karakter.")]
    [Display(Name = "Catatan di halaman dampak")]
    public string? Note { get; set; }

    [Display(Name = "Terbitkan")]
    public bool Publish { get; set; }

    public static ImpactPlanForm From(ImpactPlanSnapshot plan) => new()
    {
        Version = plan.Version,
        CoveredCategoryIds = [.. plan.CoveredCategoryIds],
        ControlCategoryIds = [.. plan.ControlCategoryIds],
        PeriodStart = TypedDate.Format(plan.PeriodStart),
        PeriodEnd = TypedDate.Format(plan.PeriodEnd),
        BaselineStart = TypedDate.Format(plan.BaselineStart),
        BaselineEnd = TypedDate.Format(plan.BaselineEnd),
        PreCampaignMonths = plan.PreCampaignMonths,
        Note = plan.Note,
        Publish = plan.IsPublished,
    };

    /// A new plan starts from the campaign: its dates, a baseline of the same length just before
    /// it, and its featured categories as the covered ones.
    public static ImpactPlanForm NewFor(ImpactPlanCampaign campaign, IReadOnlyList<int> featuredLeaves)
    {
        var form = new ImpactPlanForm
        {
            CoveredCategoryIds = [.. featuredLeaves],
            PeriodStart = TypedDate.Format(campaign.StartsOn),
            PeriodEnd = campaign.EndsOn is { } end ? TypedDate.Format(end) : null,
        };
        if (campaign.EndsOn is { } last && last >= campaign.StartsOn)
        {
            var days = last.DayNumber - campaign.StartsOn.DayNumber + 1;
            form.BaselineStart = TypedDate.Format(campaign.StartsOn.AddDays(-days));
            form.BaselineEnd = TypedDate.Format(campaign.StartsOn.AddDays(-1));
        }
        return form;
    }
}
