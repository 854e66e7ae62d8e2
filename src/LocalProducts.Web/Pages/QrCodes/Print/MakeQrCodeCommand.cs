using System.Security.Claims;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain.QrCodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LocalProducts.Web.Pages.QrCodes.Print;

/// "Buat kode QR": gives a product, maker or event its one code. Pressing it twice, or two people
/// at once, makes one code: a thing that has a code keeps it.
public sealed class MakeQrCodeCommand(AppDbContext db, QrTargetQuery targets, TimeProvider clock,
    IStringLocalizer<SharedResource> text, ILogger<MakeQrCodeCommand> logger)
{
    public async Task<CommandResult> RunAsync(QrTargetKind kind, int id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var target = await targets.RunAsync(kind, id, user, cancellationToken);
        if (target is null)
        {
            return CommandResult.NotFound;
        }
        if (target.Code is not null)
        {
            return CommandResult.Saved();
        }
        var attempts = await QrCodeMaker.Random.MakeAsync(code => TryStoreAsync(code, kind, id, cancellationToken));
        if (attempts is null)
        {
            logger.LogError("No free QR code for {TargetKind} {TargetId} after {Attempts} attempts", kind, id, QrCodeMaker.Attempts);
            return CommandResult.Invalid("", text["Kode QR belum dapat dibuat. Coba lagi sebentar lagi."]);
        }
        logger.LogInformation("QR code made for {TargetKind} {TargetId}", kind, id);
        return CommandResult.Saved();
    }

    /// ON CONFLICT DO NOTHING covers both unique keys: when nothing was inserted, either someone
    /// made this thing's code meanwhile (done) or the random code is another thing's (draw again).
    private async Task<bool> TryStoreAsync(string code, QrTargetKind kind, int id, CancellationToken cancellationToken)
    {
        var inserted = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO qr_codes (code, target_kind, target_id, created_at)
            VALUES ({code}, {(int)kind}, {id}, {clock.GetUtcNow()})
            ON CONFLICT DO NOTHING
            """, cancellationToken);
        return inserted == 1 || await db.QrCodes.AnyAsync(q => q.TargetKind == kind && q.TargetId == id, cancellationToken);
    }
}
