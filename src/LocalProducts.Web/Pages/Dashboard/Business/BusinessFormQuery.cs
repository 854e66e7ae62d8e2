using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Dashboard.Business;

public sealed record BusinessFormState(BusinessForm Form, VerificationState Verification, string? RejectionReason, int IkmId);

/// The owner's IKM as a form, or null when they have none yet.
public sealed class BusinessFormQuery(AppDbContext db)
{
    public async Task<BusinessFormState?> RunAsync(Guid ownerId, CancellationToken cancellationToken) =>
        await OwnedIkm.Of(db, ownerId)
            .Select(i => new BusinessFormState(new BusinessForm
            {
                Name = i.Name,
                Nib = i.Nib,
                Scale = i.Scale,
                Kbli = i.Kbli ?? "",
                ProvinceCode = i.ProvinceCode,
                RegencyCode = i.RegencyCode,
                DistrictCode = i.DistrictCode,
                Address = i.Address,
                Sentra = i.Sentra,
                FoundedYear = i.FoundedYear,
                Story = i.Story,
                WhatsApp = i.WhatsApp,
                Email = i.Email,
                Website = i.Website,
                Version = i.Version,
            }, i.Verification, i.RejectionReason, i.Id))
            .FirstOrDefaultAsync(cancellationToken);
}
