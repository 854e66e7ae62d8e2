using System.Security.Claims;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure.Audit;
using LocalProducts.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LocalProducts.Web.Pages.Admin.Verification;

/// Staff verify or reject a pending IKM. Verifying publishes the IKM's pending products at once
/// (staff have just checked the business; the verification page lists them first). Rejecting
/// needs a reason, which the owner sees on /dasbor and receives by e-mail.
public sealed class VerifyIkmCommand(
    AppDbContext db,
    IAuthorizationService authorization,
    AuditLog audit,
    OwnerNoticeCommand notice,
    TimeProvider clock,
    IStringLocalizer<SharedResource> text,
    ILogger<VerifyIkmCommand> logger)
{
    public async Task<CommandResult> ApproveAsync(ClaimsPrincipal user, int ikmId, uint version, CancellationToken cancellationToken)
    {
        var (ikm, refusal) = await LoadAsync(user, ikmId, version, cancellationToken);
        if (ikm is null)
        {
            return refusal!;
        }
        var waiting = await db.Products.Where(p => p.IkmId == ikm.Id && p.State == ProductState.PendingReview).ToListAsync(cancellationToken);
        var pending = ikm.Verify(clock.GetUtcNow(), waiting);
        audit.Describe(ikm, AuditActions.Verified);
        foreach (var product in pending)
        {
            audit.Describe(product, AuditActions.Approved, new Dictionary<string, object?> { ["by"] = "ikm-verified" });
        }
        if (await SaveAsync(ikm, cancellationToken) is { } conflict)
        {
            return conflict;
        }
        logger.LogInformation("IKM {IkmId} verified by staff {StaffId}; {Published} pending products published", ikm.Id, CurrentUser.IdOf(user), pending.Count);
        await notice.SendAsync(ikm.OwnerId, $"{ikm.Name} terverifikasi di Melokal", (name, dashboard) =>
            $"Halo {name},\n\n{ikm.Name} sudah diverifikasi staf Kementerian Perindustrian. "
            + "Produk Anda yang menunggu tinjauan kini tayang di katalog Melokal, dan produk baru akan langsung tayang.\n\n"
            + $"Kelola usaha dan produk Anda di {dashboard}", cancellationToken);
        return CommandResult.Saved(text["{0} terverifikasi; {1} produk yang menunggu kini tayang.", ikm.Name, pending.Count], ikm.Id);
    }

    public async Task<CommandResult> RejectAsync(ClaimsPrincipal user, int ikmId, uint version, string? reason, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return CommandResult.Invalid("Input.Reason", text["Tulis alasan penolakan: pemilik membacanya untuk memperbaiki datanya."]);
        }
        var (ikm, refusal) = await LoadAsync(user, ikmId, version, cancellationToken);
        if (ikm is null)
        {
            return refusal!;
        }
        ikm.Reject(reason, clock.GetUtcNow());
        audit.Describe(ikm, AuditActions.Rejected, new Dictionary<string, object?> { ["reason"] = ikm.RejectionReason });
        if (await SaveAsync(ikm, cancellationToken) is { } conflict)
        {
            return conflict;
        }
        logger.LogInformation("IKM {IkmId} rejected by staff {StaffId}", ikm.Id, CurrentUser.IdOf(user));
        await notice.SendAsync(ikm.OwnerId, $"Data {ikm.Name} perlu diperbaiki", (name, dashboard) =>
            $"Halo {name},\n\nStaf Kementerian Perindustrian belum dapat memverifikasi {ikm.Name}.\n\n"
            + $"Alasannya: {ikm.RejectionReason}\n\n"
            + $"Cara memperbaikinya: masuk ke Melokal, buka {dashboard}/usaha, perbaiki data sesuai alasan di atas, lalu simpan. "
            + "Usaha Anda otomatis diajukan ulang untuk verifikasi.", cancellationToken);
        return CommandResult.Saved(text["{0} ditolak; pemilik diberi tahu alasannya.", ikm.Name], ikm.Id);
    }

    private async Task<(Domain.Ikm? Ikm, CommandResult? Refusal)> LoadAsync(ClaimsPrincipal user, int ikmId, uint version, CancellationToken cancellationToken)
    {
        var ikm = await db.Ikms.FirstOrDefaultAsync(i => i.Id == ikmId, cancellationToken);
        if (ikm is null || !(await authorization.AuthorizeAsync(user, ikm, Operations.Moderate)).Succeeded)
        {
            return (null, CommandResult.NotFound);
        }
        if (ikm.Verification != VerificationState.Pending)
        {
            return (null, CommandResult.Invalid("", text["IKM ini tidak sedang menunggu verifikasi; keputusan sebelumnya tetap berlaku."]));
        }
        if (ikm.Version != version)
        {
            return (null, StaleResult());
        }
        db.Entry(ikm).Property(i => i.Version).OriginalValue = version;
        return (ikm, null);
    }

    private async Task<CommandResult?> SaveAsync(Domain.Ikm ikm, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return StaleResult();
        }
        return null;
    }

    private CommandResult StaleResult() =>
        CommandResult.Invalid("", text["Pemilik mengubah data IKM ini sejak halaman ini dibuka. Periksa data terbaru di bawah, lalu putuskan lagi."]);
}
