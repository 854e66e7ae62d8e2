namespace LocalProducts.Web.Infrastructure;

/// The site's public address (Site:PublicUrl), the one origin every absolute link is built from:
/// e-mails, calendar files, feeds, the sitemap, canonical and OpenGraph links. Never the request's
/// Host header, which anyone can set (a reset link to evil.example with a valid code).
public sealed class PublicAddress
{
    /// What `dotnet run` serves in Development when nothing is configured.
    public const string DevelopmentDefault = "http://localhost:5080";

    public PublicAddress(Uri origin)
    {
        if (!origin.IsAbsoluteUri || origin.Scheme is not ("http" or "https") || !string.IsNullOrEmpty(origin.UserInfo)
            || origin.PathAndQuery != "/" || !string.IsNullOrEmpty(origin.Fragment))
        {
            throw new ArgumentException("Site:PublicUrl must be an http(s) origin such as https://melokal.kemenperin.go.id.", nameof(origin));
        }
        Origin = origin.GetLeftPart(UriPartial.Authority);
        Host = origin.IdnHost;
    }

    /// Scheme, host and port, without a trailing slash.
    public string Origin { get; }

    /// The host name alone, for AllowedHosts.
    public string Host { get; }

    public string Absolute(string path) => Origin + (path.StartsWith('/') ? path : "/" + path);

    /// Reads Site:PublicUrl. Outside Development the site refuses to start without it: links
    /// built from requests would go wherever a forged Host header says.
    public static PublicAddress From(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration["Site:PublicUrl"];
        if (string.IsNullOrWhiteSpace(configured))
        {
            if (!environment.IsDevelopment())
            {
                throw new PublicAddressMissingException();
            }
            configured = DevelopmentDefault;
        }
        if (!Uri.TryCreate(configured.Trim().TrimEnd('/') + "/", UriKind.Absolute, out var origin))
        {
            throw new PublicAddressMissingException();
        }
        return new PublicAddress(origin);
    }
}

/// Start-up stops with one sentence, not a stack trace: a setting is missing.
public sealed class PublicAddressMissingException()
    : InvalidOperationException("Set Site__PublicUrl to the site's public address (for example https://melokal.kemenperin.go.id): outside Development every link the site sends is built from it.");
