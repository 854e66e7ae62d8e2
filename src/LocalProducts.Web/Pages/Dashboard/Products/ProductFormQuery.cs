using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Dashboard.Products;

public sealed record CategoryOption(int Id, string Name);
public sealed record CategoryGroup(string Name, IReadOnlyList<CategoryOption> Leaves);
public sealed record OwnerIkmFacts(int Id, string Name, bool IsVerified, string? WhatsApp);
public sealed record ProductFormOptions(OwnerIkmFacts? Ikm, IReadOnlyList<CategoryGroup> Categories);
public sealed record ProductFormState(
    int Id, string Slug, string Name, ProductState State, string? HiddenReason, ProductForm Form);

/// What the product form needs: the owner's IKM, the leaf categories, and a product of theirs.
public sealed class ProductFormQuery(AppDbContext db)
{
    public async Task<ProductFormOptions> OptionsAsync(Guid ownerId, bool english, CancellationToken cancellationToken)
    {
        var ikm = await OwnedIkm.Of(db, ownerId)
            .Select(i => new OwnerIkmFacts(i.Id, i.Name, i.Verification == VerificationState.Verified, i.WhatsApp))
            .FirstOrDefaultAsync(cancellationToken);
        var categories = await db.Categories.AsNoTracking()
            .Select(c => new { c.Id, c.ParentId, Name = english ? c.NameEn : c.Name, c.SortOrder })
            .ToListAsync(cancellationToken);
        var parents = categories.Where(c => c.ParentId is null).OrderBy(c => c.SortOrder).ThenBy(c => c.Name, StringComparer.Ordinal);
        var groups = parents
            .Select(p => new CategoryGroup(p.Name, [.. categories.Where(c => c.ParentId == p.Id)
                .OrderBy(c => c.SortOrder).ThenBy(c => c.Name, StringComparer.Ordinal).Select(c => new CategoryOption(c.Id, c.Name))]))
            .Where(g => g.Leaves.Count > 0)
            .ToList();
        return new ProductFormOptions(ikm, groups);
    }

    /// The owner's product as a form; null when there is no such product of theirs.
    public async Task<ProductFormState?> LoadAsync(Guid ownerId, int productId, CancellationToken cancellationToken)
    {
        var product = await db.Products.AsNoTracking()
            .Where(p => p.Id == productId && p.Ikm!.OwnerId == ownerId)
            .Select(p => new
            {
                p.Id,
                p.Slug,
                p.Name,
                p.State,
                p.HiddenReason,
                p.CategoryId,
                p.Description,
                p.PriceMin,
                p.PriceMax,
                p.Unit,
                p.MinOrder,
                p.Version,
                Certifications = p.Certifications.OrderBy(c => c.Id).ToList(),
                Links = p.MarketplaceLinks.ToList(),
            })
            .AsSplitQuery()
            .FirstOrDefaultAsync(cancellationToken);
        if (product is null)
        {
            return null;
        }
        var form = new ProductForm
        {
            Name = product.Name,
            CategoryId = product.CategoryId,
            Description = product.Description,
            PriceMin = PriceText.Format(product.PriceMin),
            PriceMax = product.PriceMax is { } max ? PriceText.Format(max) : null,
            Unit = product.Unit,
            MinOrder = product.MinOrder,
            Version = product.Version,
            Certifications = [.. product.Certifications.Select(c => new CertificationInput
            {
                Kind = c.Kind,
                Number = c.Number,
                IssuedOn = c.IssuedOn,
                ExpiresOn = c.ExpiresOn,
                TkdnPercent = PercentText.Format(c.TkdnPercent),
                BmpPercent = PercentText.Format(c.BmpPercent),
            })],
            Links = [.. product.Links.Select(l => new LinkInput { Platform = l.Platform, Url = l.Url })],
        }.Normalize();
        return new ProductFormState(product.Id, product.Slug, product.Name, product.State, product.HiddenReason, form);
    }
}
