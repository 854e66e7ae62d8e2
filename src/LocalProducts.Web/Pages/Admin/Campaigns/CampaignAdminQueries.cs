using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Admin.Campaigns;

public sealed record CampaignAdminRow(int Id, string Slug, string Hashtag, string Name, DateOnly StartsOn, DateOnly? EndsOn, CampaignPhase Phase, int Posts);

public sealed class CampaignAdminListQuery(AppDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<CampaignAdminRow>> RunAsync(CancellationToken cancellationToken)
    {
        var today = Wib.Today(clock);
        var rows = await db.Campaigns.AsNoTracking()
            .OrderByDescending(c => c.StartsOn)
            .Select(c => new { c.Id, c.Slug, c.Hashtag, c.Name, c.StartsOn, c.EndsOn, Posts = db.Posts.Count(p => p.CampaignId == c.Id) })
            .ToListAsync(cancellationToken);
        return rows.Select(c => new CampaignAdminRow(c.Id, c.Slug, c.Hashtag, c.Name, c.StartsOn, c.EndsOn,
            c.EndsOn is { } end && today > end ? CampaignPhase.Past : today < c.StartsOn ? CampaignPhase.Upcoming : CampaignPhase.Running, c.Posts)).ToList();
    }
}

public sealed record CampaignEditorView(
    int Id, uint Version, string Slug, string Name, string Hashtag, string? Tagline, string? EnglishName, string? EnglishTagline, string? Description, string? BannerPath, string? BannerCredit,
    DateOnly StartsOn, DateOnly? EndsOn, int[] CategoryIds, int[] ProductIds, int[] IkmIds);

/// A category to feature; a parent with children features them all.
public sealed record CategoryChoice(int Id, string Name, bool IsParent, bool IsChild = false);

/// A product or maker that can be featured: its name, where it is, and its slug to tell similar
/// names apart.
public sealed record FeatureChoice(int Id, string Name, string Slug, string Detail);

public sealed class CampaignEditorQuery(AppDbContext db)
{
    public const int SearchResults = 20;

    public Task<CampaignEditorView?> RunAsync(int id, CancellationToken cancellationToken) =>
        db.Campaigns.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new CampaignEditorView(c.Id, c.Version, c.Slug, c.Name, c.Hashtag, c.Tagline, c.EnglishName, c.EnglishTagline, c.Description, c.BannerPath, c.BannerCredit,
                c.StartsOn, c.EndsOn, c.FeaturedCategories.Select(x => x.Id).ToArray(), c.FeaturedProducts.Select(x => x.Id).ToArray(),
                c.FeaturedIkms.Select(x => x.Id).ToArray()))
            .FirstOrDefaultAsync(cancellationToken);

    /// Parents first, each followed by its children.
    public async Task<IReadOnlyList<CategoryChoice>> CategoriesAsync(CancellationToken cancellationToken)
    {
        var all = await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Name)
            .Select(c => new { c.Id, c.Name, c.ParentId }).ToListAsync(cancellationToken);
        return all.Where(c => c.ParentId is null)
            .SelectMany(parent => new[] { new CategoryChoice(parent.Id, parent.Name, all.Any(c => c.ParentId == parent.Id)) }
                .Concat(all.Where(c => c.ParentId == parent.Id).Select(c => new CategoryChoice(c.Id, c.Name, false, true))))
            .ToList();
    }

    public Task<List<FeatureChoice>> ProductsAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        db.Products.AsNoTracking().Where(p => ids.Contains(p.Id)).OrderBy(p => p.Name)
            .Select(p => new FeatureChoice(p.Id, p.Name, p.Slug, p.Ikm!.Name))
            .ToListAsync(cancellationToken);

    public Task<List<FeatureChoice>> IkmsAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        db.Ikms.AsNoTracking().Where(i => ids.Contains(i.Id)).OrderBy(i => i.Name)
            .Select(i => new FeatureChoice(i.Id, i.Name, i.Slug, i.Regency!.Name))
            .ToListAsync(cancellationToken);

    /// Published products whose name contains the words, or whose slug is exactly what was typed.
    public Task<List<FeatureChoice>> FindProductsAsync(string typed, CancellationToken cancellationToken)
    {
        var term = typed.Trim();
        var pattern = Like(term);
        return db.Products.AsNoTracking()
            .Where(p => p.State == ProductState.Published && (p.Slug == term || EF.Functions.ILike(p.Name, pattern)))
            .OrderBy(p => p.Slug == term ? 0 : 1).ThenBy(p => p.Name)
            .Take(SearchResults)
            .Select(p => new FeatureChoice(p.Id, p.Name, p.Slug, p.Ikm!.Name))
            .ToListAsync(cancellationToken);
    }

    /// Verified makers whose name contains the words, or whose slug is exactly what was typed.
    public Task<List<FeatureChoice>> FindIkmsAsync(string typed, CancellationToken cancellationToken)
    {
        var term = typed.Trim();
        var pattern = Like(term);
        return db.Ikms.AsNoTracking()
            .Where(i => i.Verification == VerificationState.Verified && (i.Slug == term || EF.Functions.ILike(i.Name, pattern)))
            .OrderBy(i => i.Slug == term ? 0 : 1).ThenBy(i => i.Name)
            .Take(SearchResults)
            .Select(i => new FeatureChoice(i.Id, i.Name, i.Slug, i.Regency!.Name))
            .ToListAsync(cancellationToken);
    }

    private static string Like(string term) =>
        "%" + term.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
}
