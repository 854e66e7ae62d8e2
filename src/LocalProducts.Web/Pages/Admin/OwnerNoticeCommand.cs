using LocalProducts.Web.Data;
using LocalProducts.Web.Infrastructure;
using LocalProducts.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Admin;

/// Tells an owner by e-mail what staff decided. The text is Indonesian: owners are addressed in
/// the site's first language. A failed e-mail never undoes the decision; it is logged.
public sealed class OwnerNoticeCommand(AppDbContext db, IEmailSender email, PublicAddress site, ILogger<OwnerNoticeCommand> logger)
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
        var dashboard = site.Absolute("/dasbor");
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
