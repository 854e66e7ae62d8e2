using System.Globalization;
using System.Text;

namespace LocalProducts.Web.Infrastructure.Email;

/// One e-mail to one person. The text body is required (read everywhere); HTML is optional.
public sealed record EmailMessage(string To, string Subject, string TextBody);

/// Sends the site's e-mail (account confirmation, password reset, notices to owners).
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default);
}

public sealed class EmailOptions
{
    public const string Section = "Email";

    /// Where the development sender writes messages as .eml files.
    public string? PickupDirectory { get; set; }

    public string From { get; set; } = "Melokal <no-reply@melokal.kemenperin.go.id>";

    /// The mail server for production; without a host, messages go to the pickup folder.
    public SmtpOptions Smtp { get; set; } = new();

    /// How the shared outbox is worked through when a mail server is configured.
    public OutboxOptions Outbox { get; set; } = new();

    public bool SendsThroughSmtp => !string.IsNullOrWhiteSpace(Smtp.Host);

    public static string DefaultPickupDirectory() =>
        Path.Combine(Path.GetDirectoryName(EmbeddedPostgresOptions.DefaultRootDirectory())!, "mail");
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    /// None (a relay on a private network), StartTls (port 587) or SslOnConnect (port 465).
    public MailKit.Security.SecureSocketOptions Security { get; set; } = MailKit.Security.SecureSocketOptions.StartTls;
    public string? UserName { get; set; }
    public string? Password { get; set; }
}

public sealed class OutboxOptions
{
    /// How often the outbox job looks for mail to send again (once across instances).
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(30);

    /// At most this many mails a run; the rest go at the next.
    public int BatchSize { get; set; } = 50;
}

/// The development sender (no SMTP host configured): each message becomes an .eml file in a
/// folder (open it with any mail program) and a log line that says where, without the recipient's
/// address. Never used with a mail server: then mail goes through the shared outbox.
public sealed class PickupFolderEmailSender(Microsoft.Extensions.Options.IOptions<EmailOptions> options, TimeProvider clock, ILogger<PickupFolderEmailSender> logger) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        var folder = options.Value.PickupDirectory ?? EmailOptions.DefaultPickupDirectory();
        Directory.CreateDirectory(folder);
        var now = clock.GetUtcNow();
        var path = Path.Combine(folder, $"{now:yyyyMMdd-HHmmss-fffffff}-{Guid.NewGuid():N}.eml");
        var eml = new StringBuilder()
            .Append("From: ").Append(options.Value.From).Append("\r\n")
            .Append("To: ").Append(message.To).Append("\r\n")
            .Append("Subject: =?utf-8?B?").Append(Convert.ToBase64String(Encoding.UTF8.GetBytes(message.Subject))).Append("?=\r\n")
            .Append("Date: ").Append(now.ToString("r", CultureInfo.InvariantCulture)).Append("\r\n")
            .Append("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n")
            .Append(message.TextBody.ReplaceLineEndings("\r\n"));
        await File.WriteAllTextAsync(path, eml.ToString(), new UTF8Encoding(false), cancellationToken);
        logger.LogInformation("E-mail {Subject} written to {Path}", message.Subject, path);
    }
}
