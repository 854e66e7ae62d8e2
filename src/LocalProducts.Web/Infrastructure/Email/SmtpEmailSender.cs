using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace LocalProducts.Web.Infrastructure.Email;

/// The production sender: each message goes to the configured SMTP server (MailKit), one
/// connection per message (the site sends a few a minute). When the server cannot be reached or
/// refuses, the message is written to the pickup folder instead and an error is logged, so the
/// person's registration or reset still completes and the message can be sent again by hand
/// (docs/operations.md). Logs carry the subject, never the address or the body.
public sealed class SmtpEmailSender(IOptions<EmailOptions> options, PickupFolderEmailSender fallback, ILogger<SmtpEmailSender> logger)
    : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(settings.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        mime.Body = new TextPart("plain") { Text = message.TextBody };
        try
        {
            using var client = new SmtpClient { Timeout = 15_000 };
            await client.ConnectAsync(settings.Smtp.Host!, settings.Smtp.Port, settings.Smtp.Security, cancellationToken);
            if (!string.IsNullOrEmpty(settings.Smtp.UserName))
            {
                await client.AuthenticateAsync(settings.Smtp.UserName, settings.Smtp.Password ?? "", cancellationToken);
            }
            await client.SendAsync(mime, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
            logger.LogInformation("E-mail {Subject} sent through {SmtpHost}", message.Subject, settings.Smtp.Host);
        }
        catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or MailKit.ProtocolException
                                       or MailKit.CommandException or MailKit.Security.AuthenticationException or TimeoutException)
        {
            logger.LogError("E-mail {Subject} not sent through {SmtpHost} ({Error}); kept in the pickup folder", message.Subject,
                settings.Smtp.Host, ex.GetType().Name);
            await fallback.SendAsync(message, cancellationToken);
        }
    }
}
