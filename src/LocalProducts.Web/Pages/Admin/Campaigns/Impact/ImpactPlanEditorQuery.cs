using LocalProducts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Admin.Campaigns.Impact;

/// The campaign a plan belongs to, as the editor shows it.
public sealed record ImpactPlanCampaign(int Id, string Name, string Slug, DateOnly StartsOn, DateOnly? EndsOn);

/// A category that can be covered or a control: only leaves (a report names a leaf category),
/// shown under their parent's name.
public sealed record LeafCategory(int Id, string Name, string? ParentName);

/// What the impact plan editor reads: the campaign, the plan as saved (if any) and the leaf categories.
public sealed class ImpactPlanEditorQuery(AppDbContext db)
{
    public Task<ImpactPlanCampaign?> CampaignAsync(int campaignId, CancellationToken cancellationToken) =>
        db.Campaigns.AsNoTracking().Where(c => c.Id == campaignId)
            .Select(c => new ImpactPlanCampaign(c.Id, c.Name, c.Slug, c.StartsOn, c.EndsOn))
            .FirstOrDefaultAsync(cancellationToken);

    public Task<ImpactPlanSnapshot?> PlanAsync(int campaignId, CancellationToken cancellationToken) =>
        db.CampaignImpactPlans.AsNoTracking().Where(p => p.CampaignId == campaignId)
            .Select(p => new ImpactPlanSnapshot(p.PeriodStart, p.PeriodEnd, p.BaselineStart, p.BaselineEnd, p.CoveredCategoryIds, p.ControlCategoryIds,
                p.PreCampaignMonths, p.Note, p.IsPublished, p.UpdatedAt, p.Version))
            .FirstOrDefaultAsync(cancellationToken);

    /// Leaves in the catalogue's order: each parent's children, and parents without children.
    public async Task<IReadOnlyList<LeafCategory>> LeavesAsync(CancellationToken cancellationToken)
    {
        var all = await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Name)
            .Select(c => new { c.Id, c.Name, c.ParentId }).ToListAsync(cancellationToken);
        return [.. all.Where(c => c.ParentId is null).SelectMany(parent => all.Any(c => c.ParentId == parent.Id)
            ? all.Where(c => c.ParentId == parent.Id).Select(c => new LeafCategory(c.Id, c.Name, parent.Name))
            : [new LeafCategory(parent.Id, parent.Name, null)])];
    }

    /// The campaign's featured categories as leaves (a featured parent stands for its children).
    public async Task<IReadOnlyList<int>> FeaturedLeavesAsync(int campaignId, IReadOnlyList<LeafCategory> leaves, CancellationToken cancellationToken)
    {
        var featured = await db.Campaigns.AsNoTracking().Where(c => c.Id == campaignId)
            .SelectMany(c => c.FeaturedCategories.Select(f => f.Id)).ToListAsync(cancellationToken);
        var children = await db.Categories.AsNoTracking().Where(c => c.ParentId != null && featured.Contains(c.ParentId.Value))
            .Select(c => c.Id).ToListAsync(cancellationToken);
        return [.. featured.Concat(children).Where(id => leaves.Any(l => l.Id == id)).Distinct().Order()];
    }
}
