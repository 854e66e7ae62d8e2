using System.Security.Claims;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Domain.QrCodes;
using LocalProducts.Web.Infrastructure.Authorization;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.QrCodes.Print;

/// The thing a "Kode QR" page is about, when the signed-in user may print its code: staff any
/// product, maker or event; an owner only their own IKM and its products (never an event). Null
/// otherwise, and the page answers 404 whether the thing is missing or someone else's.
public sealed class QrTargetQuery(AppDbContext db)
{
    private sealed record Row(string Name, string Slug, bool IsPublic);

    public async Task<QrTarget?> RunAsync(QrTargetKind kind, int id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var staff = CurrentUser.IsStaff(user);
        var owner = user.IsInRole(Roles.IkmOwner) ? CurrentUser.IdOf(user) : null;
        if (!staff && owner is null)
        {
            return null;
        }
        var row = kind switch
        {
            QrTargetKind.Product => await db.Products.AsNoTracking()
                .Where(p => p.Id == id && (staff || p.Ikm!.OwnerId == owner))
                .Select(p => new Row(p.Name, p.Slug, p.State == ProductState.Published))
                .FirstOrDefaultAsync(cancellationToken),
            QrTargetKind.Ikm => await db.Ikms.AsNoTracking()
                .Where(i => i.Id == id && (staff || i.OwnerId == owner))
                .Select(i => new Row(i.Name, i.Slug, i.Verification == VerificationState.Verified))
                .FirstOrDefaultAsync(cancellationToken),
            QrTargetKind.Event when staff => await db.Events.AsNoTracking()
                .Where(e => e.Id == id)
                .Select(e => new Row(e.Title, e.Slug, e.State != EventState.Draft))
                .FirstOrDefaultAsync(cancellationToken),
            _ => null,
        };
        if (row is null)
        {
            return null;
        }
        var code = await db.QrCodes.AsNoTracking()
            .Where(q => q.TargetKind == kind && q.TargetId == id)
            .Select(q => q.Code)
            .FirstOrDefaultAsync(cancellationToken);
        return new QrTarget(kind, id, row.Name, row.Slug, row.IsPublic, code);
    }
}
