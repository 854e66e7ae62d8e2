using System.Data.Common;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Domain.QrCodes;
using LocalProducts.Web.Infrastructure.Requests;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.QrCodes.Scan;

/// Someone scanned a printed code: count it for the code and the WIB day, and say which page to
/// open. Every scan counts (a shop's stand is scanned by many phones behind one address), with no
/// cookie and nothing about the person; one atomic upsert, so concurrent scans add up.
public sealed class CountQrScanCommand(AppDbContext db, TimeProvider clock, ILogger<CountQrScanCommand> logger)
{
    /// The path of the thing's page, or null for an unknown code or a thing that no longer exists.
    /// A hidden product, an unverified maker or a draft event still gets its own address: its
    /// page says what state it is in, and the printed code works again once it is shown.
    public async Task<string?> RunAsync(string? code, CancellationToken cancellationToken)
    {
        if (QrCode.Normalize(code) is not { } known)
        {
            return null;
        }
        var target = await db.QrCodes.AsNoTracking()
            .Where(q => q.Code == known)
            .Select(q => new
            {
                q.Id,
                q.TargetKind,
                Slug = q.TargetKind == QrTargetKind.Product ? db.Products.Where(p => p.Id == q.TargetId).Select(p => p.Slug).FirstOrDefault()
                    : q.TargetKind == QrTargetKind.Ikm ? db.Ikms.Where(i => i.Id == q.TargetId).Select(i => i.Slug).FirstOrDefault()
                    : db.Events.Where(e => e.Id == q.TargetId).Select(e => e.Slug).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (target?.Slug is null)
        {
            return null;
        }
        await CountAsync(target.Id, cancellationToken);
        return QrTargets.PublicPath(target.TargetKind, target.Slug);
    }

    private async Task CountAsync(int qrCodeId, CancellationToken cancellationToken)
    {
        try
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO qr_scans (qr_code_id, day, scans) VALUES ({qrCodeId}, {Wib.Today(clock)}, 1)
                ON CONFLICT (qr_code_id, day) DO UPDATE SET scans = qr_scans.scans + 1
                """, cancellationToken);
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException && !cancellationToken.IsCancellationRequested)
        {
            // The count is a figure for the dashboard; the person holding the phone came for the
            // page. A failed write (the database refusing it, or gone since the look-up) is logged
            // and the scan still redirects.
            logger.LogWarning("Scan of QR code {QrCodeId} not counted: {Fault}", qrCodeId, DatabaseOutage.Describe(ex));
        }
    }
}
