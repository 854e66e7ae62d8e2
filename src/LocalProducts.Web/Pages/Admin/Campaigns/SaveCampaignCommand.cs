using System.Security.Claims;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure.Authorization;
using LocalProducts.Web.Infrastructure.Images;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Npgsql;

namespace LocalProducts.Web.Pages.Admin.Campaigns;

/// The campaign as it is saved now, for the second of two editors.
public sealed record CampaignSnapshot(string Name, string? EnglishName, string Hashtag, string? Tagline, DateOnly StartsOn, DateOnly? EndsOn, uint Version)
    : SavedVersion(Version);

/// Creates or edits a campaign under its row lock. The slug is taken from the name once; later
/// only a typed change moves it, and the old address keeps redirecting (campaign pages are public
/// from the start). A new banner is stored before anything is refused, so it stays in the form.
public sealed class SaveCampaignCommand(
    AppDbContext db,
    CampaignEditorQuery editor,
    ImageStore images,
    TimeProvider clock,
    IStringLocalizer<SharedResource> text,
    ILogger<SaveCampaignCommand> logger)
{
    /// fieldsValid tells whether binding and the form's attributes took every field: the command
    /// still stores the banner and checks its own rules, but saves only when both pass.
    public async Task<CommandResult> RunAsync(ClaimsPrincipal user, int? id, CampaignForm form, bool fieldsValid, CancellationToken cancellationToken)
    {
        var userId = CurrentUser.IdOf(user) ?? throw new InvalidOperationException("Campaigns are saved by signed-in staff.");
        var errors = await ValidateAsync(form, cancellationToken);
        if (form.Banner is { Length: > 0 } banner)
        {
            var stored = await images.SaveUploadAsAddressAsync(banner, ImagePurpose.PostPhoto, userId, cancellationToken);
            if (stored.Value is { } address)
            {
                form.BannerPath = address;
            }
            else
            {
                errors.Add(new("Input.Banner", stored.Failure!.Message(text)));
            }
        }
        if (errors.Count > 0 || !fieldsValid)
        {
            return CommandResult.Invalid(errors);
        }
        return await SaveAsync(id, form, userId, cancellationToken);
    }

    private async Task<List<FormError>> ValidateAsync(CampaignForm form, CancellationToken cancellationToken)
    {
        var errors = new List<FormError>();
        if (!string.IsNullOrWhiteSpace(form.Hashtag) && !Campaign.IsValidHashtag(form.Hashtag.Trim()))
        {
            errors.Add(new("Input.Hashtag", text["Tagar diawali # lalu huruf, angka atau garis bawah, tanpa spasi. Contoh: #SatuDalamKopi."]));
        }
        if (form.StartsOn is null)
        {
            errors.Add(new("Input.StartsOn", text["Isi {0}.", text["Mulai"]]));
        }
        else if (!Campaign.AreValidDates(form.StartsOn.Value, form.EndsOn))
        {
            errors.Add(new("Input.EndsOn", text["Tanggal selesai tidak boleh sebelum tanggal mulai."]));
        }
        if (!string.IsNullOrWhiteSpace(form.Slug) && Slug.From(form.Slug).Length == 0)
        {
            errors.Add(new("Input.Slug", text["Isi alamat dengan huruf atau angka."]));
        }
        var categories = await editor.CategoriesAsync(cancellationToken);
        if (form.CategoryIds.Any(c => categories.All(x => x.Id != c)))
        {
            errors.Add(new("Input.CategoryIds", text["Kategori tidak dikenal."]));
        }
        return errors;
    }

    private async Task<CommandResult> SaveAsync(int? formId, CampaignForm form, Guid userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        Campaign campaign;
        if (formId is { } id)
        {
            var locked = await db.Campaigns.FromSql($"SELECT *, xmin FROM campaigns WHERE id = {id} FOR UPDATE").SingleOrDefaultAsync(cancellationToken);
            if (locked is null)
            {
                return CommandResult.NotFound;
            }
            campaign = locked;
            if (campaign.Version != form.Version)
            {
                return CommandResult.Conflicted(
                    new CampaignSnapshot(campaign.Name, campaign.EnglishName, campaign.Hashtag, campaign.Tagline, campaign.StartsOn, campaign.EndsOn, campaign.Version),
                    text["Kampanye ini baru saja disimpan orang lain. Bandingkan versi tersimpan dengan isian Anda; isian Anda belum disimpan. Simpan lagi untuk menimpa versi tersimpan."]);
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
            : formId is null ? Slug.From(form.Name)
            : campaign.Slug;
        if (wanted.Length == 0)
        {
            return CommandResult.Invalid("Input.Slug", text["Isi alamat dengan huruf atau angka."]);
        }
        if (wanted != campaign.Slug)
        {
            var campaignId = campaign.Id;
            if (await db.Campaigns.AnyAsync(c => c.Slug == wanted && c.Id != campaignId, cancellationToken)
                || await db.CampaignSlugRedirects.AnyAsync(r => r.Slug == wanted && r.CampaignId != campaignId, cancellationToken))
            {
                return CommandResult.Invalid("Input.Slug", SlugTaken);
            }
            if (formId is not null)
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
        campaign.EnglishName = Trimmed(form.EnglishName);
        campaign.EnglishTagline = Trimmed(form.EnglishTagline);
        campaign.Description = Trimmed(form.Description);
        var banner = form.BannerPath?.Trim();
        // The banner comes from the site's own media store (the upload is wired there).
        campaign.BannerPath = MediaUrls.IsMediaPath(banner) ? banner : null;
        campaign.BannerCredit = Trimmed(form.BannerCredit);
        campaign.StartsOn = form.StartsOn!.Value;
        campaign.EndsOn = form.EndsOn;
        campaign.UpdatedAt = now;
        var categories = await db.Categories.Where(c => form.CategoryIds.Contains(c.Id)).ToListAsync(cancellationToken);
        var products = await db.Products.Where(p => form.ProductIds.Contains(p.Id)).ToListAsync(cancellationToken);
        var ikms = await db.Ikms.Where(i => form.IkmIds.Contains(i.Id)).ToListAsync(cancellationToken);
        campaign.SetFeatured(categories, products, ikms);
        if (formId is null)
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
            return CommandResult.Invalid("Input.Slug", SlugTaken);
        }
        logger.LogInformation("Campaign {CampaignId} saved by user {UserId}", campaign.Id, userId);
        return CommandResult.Saved(id: campaign.Id);
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private string SlugTaken => text["Alamat ini sudah dipakai kampanye lain. Pilih alamat lain; isian Anda belum disimpan."];
}
