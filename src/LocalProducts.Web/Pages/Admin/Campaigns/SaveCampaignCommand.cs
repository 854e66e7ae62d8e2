using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LocalProducts.Web.Pages.Admin.Campaigns;

public sealed record CampaignForm(
    int? Id, uint Version, string Name, string Hashtag, string? Slug, string? Tagline, string? Description, string? BannerPath,
    string? BannerCredit, DateOnly StartsOn, DateOnly? EndsOn, int[] CategoryIds, int[] ProductIds, int[] IkmIds);

public enum SaveCampaignOutcome
{
    Saved,
    NotFound,
    Conflict,
    SlugInvalid,
    SlugTaken,
}

/// The campaign as it is saved now, for the second of two editors.
public sealed record CampaignSnapshot(string Name, string Hashtag, string? Tagline, DateOnly StartsOn, DateOnly? EndsOn, uint Version);

public sealed record SaveCampaignResult(SaveCampaignOutcome Outcome, int? Id = null, CampaignSnapshot? Current = null);

/// Creates or edits a campaign under its row lock. The slug is taken from the name once; later
/// only a typed change moves it, and the old address keeps redirecting (campaign pages are public
/// from the start).
public sealed class SaveCampaignCommand(AppDbContext db, TimeProvider clock, ILogger<SaveCampaignCommand> logger)
{
    public async Task<SaveCampaignResult> RunAsync(CampaignForm form, Guid userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        Campaign campaign;
        if (form.Id is { } id)
        {
            var locked = await db.Campaigns.FromSql($"SELECT *, xmin FROM campaigns WHERE id = {id} FOR UPDATE").SingleOrDefaultAsync(cancellationToken);
            if (locked is null)
            {
                return new SaveCampaignResult(SaveCampaignOutcome.NotFound);
            }
            campaign = locked;
            if (campaign.Version != form.Version)
            {
                return new SaveCampaignResult(SaveCampaignOutcome.Conflict, id,
                    new CampaignSnapshot(campaign.Name, campaign.Hashtag, campaign.Tagline, campaign.StartsOn, campaign.EndsOn, campaign.Version));
            }
            await db.Entry(campaign).Collection(c => c.FeaturedCategories).LoadAsync(cancellationToken);
            await db.Entry(campaign).Collection(c => c.FeaturedProducts).LoadAsync(cancellationToken);
            await db.Entry(campaign).Collection(c => c.FeaturedIkms).LoadAsync(cancellationToken);
        }
        else
        {
            campaign = new Campaign { Slug = "", Name = "", Hashtag = "", CreatedAt = now };
        }

        var wanted = !string.IsNullOrWhiteSpace(form.Slug) ? Slug.From(form.Slug)
            : form.Id is null ? Slug.From(form.Name)
            : campaign.Slug;
        if (wanted.Length == 0)
        {
            return new SaveCampaignResult(SaveCampaignOutcome.SlugInvalid, form.Id);
        }
        if (wanted != campaign.Slug)
        {
            var campaignId = campaign.Id;
            if (await db.Campaigns.AnyAsync(c => c.Slug == wanted && c.Id != campaignId, cancellationToken)
                || await db.CampaignSlugRedirects.AnyAsync(r => r.Slug == wanted && r.CampaignId != campaignId, cancellationToken))
            {
                return new SaveCampaignResult(SaveCampaignOutcome.SlugTaken, form.Id);
            }
            if (form.Id is not null)
            {
                db.CampaignSlugRedirects.Add(new CampaignSlugRedirect { Slug = campaign.Slug, CampaignId = campaignId, RetiredAt = now });
                var own = await db.CampaignSlugRedirects.FirstOrDefaultAsync(r => r.Slug == wanted && r.CampaignId == campaignId, cancellationToken);
                if (own is not null)
                {
                    db.CampaignSlugRedirects.Remove(own);
                }
            }
            campaign.Slug = wanted;
        }

        campaign.Name = form.Name.Trim();
        campaign.Hashtag = form.Hashtag.Trim();
        campaign.Tagline = Trimmed(form.Tagline);
        campaign.Description = Trimmed(form.Description);
        campaign.BannerPath = IsSitePath(form.BannerPath) ? form.BannerPath!.Trim() : null;
        campaign.BannerCredit = Trimmed(form.BannerCredit);
        campaign.StartsOn = form.StartsOn;
        campaign.EndsOn = form.EndsOn;
        campaign.UpdatedAt = now;
        var categories = await db.Categories.Where(c => form.CategoryIds.Contains(c.Id)).ToListAsync(cancellationToken);
        var products = await db.Products.Where(p => form.ProductIds.Contains(p.Id)).ToListAsync(cancellationToken);
        var ikms = await db.Ikms.Where(i => form.IkmIds.Contains(i.Id)).ToListAsync(cancellationToken);
        campaign.SetFeatured(categories, products, ikms);
        if (form.Id is null)
        {
            db.Campaigns.Add(campaign);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return new SaveCampaignResult(SaveCampaignOutcome.SlugTaken, form.Id);
        }
        logger.LogInformation("Campaign {CampaignId} saved by user {UserId}", campaign.Id, userId);
        return new SaveCampaignResult(SaveCampaignOutcome.Saved, campaign.Id);
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// The banner comes from the site's own media store (the upload is wired there).
    private static bool IsSitePath(string? path) =>
        !string.IsNullOrWhiteSpace(path) && path.StartsWith('/') && !path.StartsWith("//", StringComparison.Ordinal) && !path.Contains('\\', StringComparison.Ordinal);
}
