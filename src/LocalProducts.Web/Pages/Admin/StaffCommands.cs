using System.Security.Claims;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure;
using LocalProducts.Web.Infrastructure.Audit;
using LocalProducts.Web.Infrastructure.Authorization;
using LocalProducts.Web.Infrastructure.Email;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LocalProducts.Web.Pages.Admin;

/// Tells an owner by e-mail what staff decided. The text is Indonesian: owners are addressed in
/// the site's first language. A failed e-mail never undoes the decision; it is logged.
public sealed class OwnerNoticeCommand(AppDbContext db, IEmailSender email, IHttpContextAccessor http, ILogger<OwnerNoticeCommand> logger)
{
    public async Task SendAsync(Guid? ownerId, string subject, Func<string, string, string> body, CancellationToken cancellationToken)
    {
        var owner = ownerId is null ? null : await db.Users.AsNoTracking().Where(u => u.Id == ownerId)
            .Select(u => new { u.Email, u.DisplayName }).FirstOrDefaultAsync(cancellationToken);
        if (owner?.Email is null)
        {
            logger.LogWarning("No owner e-mail to send {Subject} to (owner {OwnerId})", subject, ownerId);
            return;
        }
        var dashboard = http.HttpContext is { } context ? SiteText.AbsoluteUrl(context, "/dasbor") : "/dasbor";
        var text = body(owner.DisplayName ?? owner.Email, dashboard)
            + "\n\nSalam,\nTim Melokal, Kementerian Perindustrian\n\nE-mail ini dikirim otomatis; balasan ke alamat ini tidak dibaca.";
        try
        {
            await email.SendAsync(new EmailMessage(owner.Email, subject, text), cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or System.Net.Mail.SmtpException)
        {
            logger.LogWarning(ex, "E-mail {Subject} to owner {OwnerId} failed", subject, ownerId);
        }
    }
}

/// Staff verify or reject a pending IKM. Verifying publishes the IKM's pending products at once
/// (staff have just checked the business; the verification page lists them first). Rejecting
/// needs a reason, which the owner sees on /dasbor and receives by e-mail.
public sealed class VerifyIkmCommand(
    AppDbContext db,
    IAuthorizationService authorization,
    AuditLog audit,
    OwnerNoticeCommand notice,
    OutputCacheEviction cache,
    TimeProvider clock,
    IStringLocalizer<SharedResource> text,
    ILogger<VerifyIkmCommand> logger)
{
    public async Task<SaveResult> ApproveAsync(ClaimsPrincipal user, int ikmId, uint version, CancellationToken cancellationToken)
    {
        var (ikm, refusal) = await LoadAsync(user, ikmId, version, cancellationToken);
        if (ikm is null)
        {
            return refusal!;
        }
        var now = clock.GetUtcNow();
        ikm.Verify(now);
        ikm.UpdatedAt = now;
        audit.Describe(ikm, AuditActions.Verified);
        var pending = await db.Products.Where(p => p.IkmId == ikm.Id && p.State == ProductState.PendingReview).ToListAsync(cancellationToken);
        foreach (var product in pending)
        {
            product.Publish(now);
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
        return SaveResult.Saved(text["{0} terverifikasi; {1} produk yang menunggu kini tayang.", ikm.Name, pending.Count], ikm.Id);
    }

    public async Task<SaveResult> RejectAsync(ClaimsPrincipal user, int ikmId, uint version, string? reason, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return SaveResult.Invalid([new FormError("Input.Reason", text["Tulis alasan penolakan: pemilik membacanya untuk memperbaiki datanya."])]);
        }
        var (ikm, refusal) = await LoadAsync(user, ikmId, version, cancellationToken);
        if (ikm is null)
        {
            return refusal!;
        }
        ikm.Reject(reason);
        ikm.UpdatedAt = clock.GetUtcNow();
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
        return SaveResult.Saved(text["{0} ditolak; pemilik diberi tahu alasannya.", ikm.Name], ikm.Id);
    }

    private async Task<(Domain.Ikm? Ikm, SaveResult? Refusal)> LoadAsync(ClaimsPrincipal user, int ikmId, uint version, CancellationToken cancellationToken)
    {
        var ikm = await db.Ikms.FirstOrDefaultAsync(i => i.Id == ikmId, cancellationToken);
        if (ikm is null || !(await authorization.AuthorizeAsync(user, ikm, Operations.Moderate)).Succeeded)
        {
            return (null, SaveResult.NotFound);
        }
        if (ikm.Verification != VerificationState.Pending)
        {
            return (null, SaveResult.Invalid([new FormError("", text["IKM ini tidak sedang menunggu verifikasi; keputusan sebelumnya tetap berlaku."])]));
        }
        if (ikm.Version != version)
        {
            return (null, SaveResult.Invalid([new FormError("", text["Pemilik mengubah data IKM ini sejak halaman ini dibuka. Periksa data terbaru di bawah, lalu putuskan lagi."])]));
        }
        db.Entry(ikm).Property(i => i.Version).OriginalValue = version;
        return (ikm, null);
    }

    private async Task<SaveResult?> SaveAsync(Domain.Ikm ikm, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult.Invalid([new FormError("", text["Pemilik mengubah data IKM ini sejak halaman ini dibuka. Periksa data terbaru di bawah, lalu putuskan lagi."])]);
        }
        await cache.EvictAsync(OutputCacheEviction.CatalogueTag, cancellationToken);
        return null;
    }
}

/// Staff approve a pending listing, hide any listing with a reason the owner sees, or show a
/// hidden one again.
public sealed class ModerateProductCommand(
    AppDbContext db,
    IAuthorizationService authorization,
    AuditLog audit,
    OwnerNoticeCommand notice,
    OutputCacheEviction cache,
    TimeProvider clock,
    IStringLocalizer<SharedResource> text,
    ILogger<ModerateProductCommand> logger)
{
    public async Task<SaveResult> ApproveAsync(ClaimsPrincipal user, int productId, uint version, CancellationToken cancellationToken)
    {
        var (product, refusal) = await LoadAsync(user, productId, version, cancellationToken);
        if (product is null)
        {
            return refusal!;
        }
        if (product.State != ProductState.PendingReview)
        {
            return SaveResult.Invalid([new FormError("", text["Produk ini tidak sedang menunggu tinjauan."])]);
        }
        product.Publish(clock.GetUtcNow());
        audit.Describe(product, AuditActions.Approved);
        return await SaveAsync(user, product, "approved", text["\"{0}\" disetujui dan tayang.", product.Name], cancellationToken);
    }

    public async Task<SaveResult> HideAsync(ClaimsPrincipal user, int productId, uint version, string? reason, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return SaveResult.Invalid([new FormError("Input.Reason", text["Tulis alasan menyembunyikan produk: pemilik membacanya untuk memperbaikinya."])]);
        }
        var (product, refusal) = await LoadAsync(user, productId, version, cancellationToken);
        if (product is null)
        {
            return refusal!;
        }
        product.Hide(reason);
        audit.Describe(product, AuditActions.Hidden, new Dictionary<string, object?> { ["reason"] = product.HiddenReason });
        var result = await SaveAsync(user, product, "hidden", text["\"{0}\" disembunyikan; pemilik diberi tahu alasannya.", product.Name], cancellationToken);
        if (result.Outcome == SaveOutcome.Saved)
        {
            await notice.SendAsync(product.Ikm!.OwnerId, $"Produk {product.Name} disembunyikan dari katalog Melokal", (name, dashboard) =>
                $"Halo {name},\n\nStaf Kementerian Perindustrian menyembunyikan produk {product.Name} dari katalog Melokal.\n\n"
                + $"Alasannya: {product.HiddenReason}\n\n"
                + $"Cara memperbaikinya: buka {dashboard}/produk, ubah produk ini sesuai alasan di atas, lalu simpan. "
                + "Produk diajukan lagi dan tayang setelah ditinjau staf.", cancellationToken);
        }
        return result;
    }

    public async Task<SaveResult> UnhideAsync(ClaimsPrincipal user, int productId, uint version, CancellationToken cancellationToken)
    {
        var (product, refusal) = await LoadAsync(user, productId, version, cancellationToken);
        if (product is null)
        {
            return refusal!;
        }
        if (product.State != ProductState.Hidden)
        {
            return SaveResult.Invalid([new FormError("", text["Produk ini tidak disembunyikan."])]);
        }
        product.Publish(clock.GetUtcNow());
        audit.Describe(product, AuditActions.Unhidden);
        return await SaveAsync(user, product, "shown", text["\"{0}\" tayang lagi.", product.Name], cancellationToken);
    }

    private async Task<(Product? Product, SaveResult? Refusal)> LoadAsync(ClaimsPrincipal user, int productId, uint version, CancellationToken cancellationToken)
    {
        var product = await db.Products.Include(p => p.Ikm).FirstOrDefaultAsync(p => p.Id == productId, cancellationToken);
        if (product is null || !(await authorization.AuthorizeAsync(user, product, Operations.Moderate)).Succeeded)
        {
            return (null, SaveResult.NotFound);
        }
        if (product.Version != version)
        {
            return (null, StaleResult());
        }
        db.Entry(product).Property(p => p.Version).OriginalValue = version;
        return (product, null);
    }

    private async Task<SaveResult> SaveAsync(ClaimsPrincipal user, Product product, string action, string message, CancellationToken cancellationToken)
    {
        product.UpdatedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return StaleResult();
        }
        await cache.EvictAsync(OutputCacheEviction.CatalogueTag, cancellationToken);
        logger.LogInformation("Product {ProductId} {Action} by staff {StaffId}", product.Id, action, CurrentUser.IdOf(user));
        return SaveResult.Saved(message, product.Id);
    }

    private SaveResult StaleResult() =>
        SaveResult.Invalid([new FormError("", text["Produk ini diubah sejak halaman ini dibuka. Periksa data terbaru di bawah, lalu putuskan lagi."])]);
}
