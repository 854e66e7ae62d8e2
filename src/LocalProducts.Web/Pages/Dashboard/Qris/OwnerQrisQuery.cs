using LocalProducts.Web.Data;
using LocalProducts.Web.Infrastructure.Images;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Dashboard.Qris;

public sealed record OwnerQrisView(string Slug, bool IsVerified, StoredImageView? Image, string? MerchantName, uint Version);

/// The owner's IKM's QRIS as the dashboard shows it, or null when they have no IKM yet.
public sealed class OwnerQrisQuery(AppDbContext db)
{
    public Task<OwnerQrisView?> RunAsync(Guid ownerId, CancellationToken cancellationToken) =>
        OwnedIkm.Of(db, ownerId)
            .Select(i => new OwnerQrisView(
                i.Slug,
                i.Verification == Domain.VerificationState.Verified,
                i.Qris == null ? null : new StoredImageView(i.Qris.Id, i.Qris.Width, i.Qris.Height, i.Qris.Widths, i.Qris.ShareWidth),
                i.QrisMerchantName,
                i.Version))
            .FirstOrDefaultAsync(cancellationToken);
}
