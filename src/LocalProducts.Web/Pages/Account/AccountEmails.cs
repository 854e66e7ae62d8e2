using System.Text;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure;
using LocalProducts.Web.Infrastructure.Accounts;
using LocalProducts.Web.Infrastructure.Email;
using LocalProducts.Web.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;

namespace LocalProducts.Web.Pages.Account;

/// The e-mails accounts need, in the reader's language, with links to this site. Links come from
/// Site:PublicUrl, so a forged Host header cannot point a reset link elsewhere.
/// No more than a few e-mails go to one address an hour, whoever asks.
public sealed class AccountEmails(
    IEmailSender sender,
    PostgresRateLimiter limiter,
    PublicAddress site,
    IStringLocalizer<SharedResource> text,
    ILogger<AccountEmails> logger)
{
    public const string ConfirmPath = "/akun/konfirmasi";
    public const string ResetPath = "/akun/atur-ulang-sandi";

    public async Task SendConfirmationAsync(AppUser user, string token, CancellationToken cancellationToken)
    {
        var link = Link($"{ConfirmPath}?id={user.Id}&kode={EncodeToken(token)}");
        await SendAsync(user, text["Konfirmasi alamat e-mail akun Melokal Anda"], cancellationToken,
            text["Halo {0},", Greeting(user)],
            "",
            text["Terima kasih telah mendaftar di Melokal. Buka tautan ini untuk mengonfirmasi alamat e-mail Anda:"],
            link,
            "",
            text["Tautan ini berlaku {0} hari. Jika Anda tidak mendaftar di Melokal, abaikan e-mail ini.", AccountSetup.ConfirmationLinkLifetime.TotalDays]);
    }

    public async Task SendPasswordResetAsync(AppUser user, string token, CancellationToken cancellationToken)
    {
        var link = Link($"{ResetPath}?id={user.Id}&kode={EncodeToken(token)}");
        await SendAsync(user, text["Atur ulang kata sandi Melokal"], cancellationToken,
            text["Halo {0},", Greeting(user)],
            "",
            text["Ada permintaan untuk mengatur ulang kata sandi akun Melokal dengan alamat ini. Buka tautan ini untuk membuat kata sandi baru:"],
            link,
            "",
            text["Tautan ini berlaku {0} jam dan hanya bisa dipakai sekali. Jika Anda tidak memintanya, abaikan e-mail ini: kata sandi Anda tidak berubah.", AccountSetup.ResetLinkLifetime.TotalHours]);
    }

    /// Registering with an address that has an account says nothing on the page (that would tell
    /// anyone which addresses have accounts); the owner of the address hears of it here.
    public async Task SendAlreadyRegisteredAsync(AppUser user, CancellationToken cancellationToken) =>
        await SendAsync(user, text["Pendaftaran dengan alamat e-mail Anda"], cancellationToken,
            text["Halo {0},", Greeting(user)],
            "",
            text["Seseorang mencoba mendaftar di Melokal dengan alamat e-mail ini, padahal alamat ini sudah punya akun."],
            text["Jika itu Anda, masuk di {0}, atau atur ulang kata sandi di {1}.", Link("/akun/masuk"), Link("/akun/lupa-sandi")],
            text["Jika bukan Anda, abaikan e-mail ini. Akun Anda tetap aman."]);

    /// Tokens carry characters that do not survive a URL; links carry them as base64url.
    public static string EncodeToken(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    /// The token from a link, or null when the link was cut or changed.
    public static string? DecodeToken(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private string Greeting(AppUser user) => string.IsNullOrWhiteSpace(user.DisplayName) ? text["Pengguna Melokal"] : user.DisplayName;

    private string Link(string path) => site.Absolute(path);

    private async Task SendAsync(AppUser user, string subject, CancellationToken cancellationToken, params string[] lines)
    {
        var allowed = await limiter.HitAsync(RateLimitBuckets.MailToAddress, RateLimitKeys.ForEmail(user.Email!), cancellationToken);
        if (!allowed.Allowed)
        {
            logger.LogWarning("Account e-mail to user {UserId} not sent: too many e-mails to that address this hour", user.Id);
            return;
        }
        var body = string.Join('\n', lines) + "\n\n-- \nMelokal · Kementerian Perindustrian\n";
        await sender.SendAsync(new EmailMessage(user.Email!, subject, body), cancellationToken);
        logger.LogInformation("Account e-mail {Subject} sent to user {UserId}", subject, user.Id);
    }
}
