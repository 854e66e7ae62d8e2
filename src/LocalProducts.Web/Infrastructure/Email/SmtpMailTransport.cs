using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace LocalProducts.Web.Infrastructure.Email;

/// Hands one message to the configured SMTP server (MailKit), one connection per message (the
/// site sends a few a minute). Throws when the server cannot be reached or refuses;
/// <see cref="IsSendFailure"/> says which exceptions mean that.
public sealed class SmtpMailTransport(IOptions<EmailOptions> options)
{
    public string Host => options.Value.Smtp.Host!;

    /// <paramref name="messageId"/> stays the same on every attempt at one outbox row, so a
    /// receiving server that keeps Message-IDs can drop the copy of a mail sent twice.
    public async Task SendAsync(EmailMessage message, string messageId, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var from = MailboxAddress.Parse(settings.From);
        using var mime = new MimeMessage();
        mime.From.Add(from);
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        mime.MessageId = $"{messageId}@{from.Domain}";
        mime.Body = new TextPart("plain") { Text = message.TextBody };
        using var client = new SmtpClient { Timeout = 15_000 };
        await client.ConnectAsync(settings.Smtp.Host!, settings.Smtp.Port, settings.Smtp.Security, cancellationToken);
        if (!string.IsNullOrEmpty(settings.Smtp.UserName))
        {
            await client.AuthenticateAsync(settings.Smtp.UserName, settings.Smtp.Password ?? "", cancellationToken);
        }
        await client.SendAsync(mime, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    /// The server refused (an SMTP reply), or could not be reached or answered badly.
    public static bool IsSendFailure(Exception ex) =>
        ex is IOException or System.Net.Sockets.SocketException or MailKit.ProtocolException or MailKit.CommandException
            or MailKit.Security.AuthenticationException or MailKit.Security.SslHandshakeException or TimeoutException
            or MimeKit.ParseException;

    /// A refusal of this one message (its recipient or its content), as opposed to a server that
    /// is down or refuses the site itself (its sender address, its log-in), where the next mail
    /// would fail the same way.
    public static bool IsRefusalOfThisMessage(Exception ex) =>
        ex is SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted }
            or MimeKit.ParseException;
}
