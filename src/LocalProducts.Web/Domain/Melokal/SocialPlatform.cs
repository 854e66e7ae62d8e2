namespace LocalProducts.Web.Domain.Melokal;

/// A social network whose posts a round can count.
public enum SocialPlatform
{
    Instagram = 1,
    TikTok = 2,
    YouTube = 3,
    X = 4,
    Facebook = 5,
}

public static class SocialPlatforms
{
    public static readonly IReadOnlyList<SocialPlatform> All =
        [SocialPlatform.Instagram, SocialPlatform.TikTok, SocialPlatform.YouTube, SocialPlatform.X, SocialPlatform.Facebook];

    /// Platforms where a post is a video that people watch: a round may score these by views.
    public static bool IsVideo(SocialPlatform platform) => platform is SocialPlatform.TikTok or SocialPlatform.YouTube;

    public static string NameOf(SocialPlatform platform) => platform switch
    {
        SocialPlatform.Instagram => "Instagram",
        SocialPlatform.TikTok => "TikTok",
        SocialPlatform.YouTube => "YouTube",
        SocialPlatform.X => "X",
        SocialPlatform.Facebook => "Facebook",
        _ => platform.ToString(),
    };

    /// Reads a platform as people write it in a spreadsheet: "Instagram", "IG", "tiktok",
    /// "Twitter", "YT", "fb".
    public static bool TryParse(string? text, out SocialPlatform platform)
    {
        platform = default;
        var key = text?.Trim().ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal);
        SocialPlatform? found = key switch
        {
            "instagram" or "ig" or "insta" => SocialPlatform.Instagram,
            "tiktok" or "tt" => SocialPlatform.TikTok,
            "youtube" or "yt" => SocialPlatform.YouTube,
            "x" or "twitter" or "x/twitter" or "x(twitter)" => SocialPlatform.X,
            "facebook" or "fb" => SocialPlatform.Facebook,
            _ => null,
        };
        if (found is { } value)
        {
            platform = value;
            return true;
        }
        return false;
    }

    /// The hosts a post of the platform lives on (a subdomain such as www. or m. counts too).
    private static string[] HostsOf(SocialPlatform platform) => platform switch
    {
        SocialPlatform.Instagram => ["instagram.com", "instagr.am"],
        SocialPlatform.TikTok => ["tiktok.com"],
        SocialPlatform.YouTube => ["youtube.com", "youtu.be"],
        SocialPlatform.X => ["x.com", "twitter.com"],
        SocialPlatform.Facebook => ["facebook.com", "fb.com", "fb.watch"],
        _ => [],
    };

    /// The post's address in one form, so that the same post typed twice is found again: https,
    /// lower-case host without www. or m., no fragment, no tracking query (YouTube keeps its v=),
    /// no trailing slash. Null when the text is not an http(s) address on the platform's site.
    public static string? PostUrlKey(SocialPlatform platform, string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > RoundPost.UrlMaxLength)
        {
            return null;
        }
        var trimmed = text.Trim();
        if (!trimmed.Contains("://", StringComparison.Ordinal))
        {
            trimmed = "https://" + trimmed;
        }
        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return null;
        }
        var host = uri.IdnHost.ToLowerInvariant();
        foreach (var prefix in new[] { "www.", "m.", "mobile.", "vm.", "vt." })
        {
            if (host.StartsWith(prefix, StringComparison.Ordinal))
            {
                host = host[prefix.Length..];
                break;
            }
        }
        if (!HostsOf(platform).Any(h => host == h || host.EndsWith("." + h, StringComparison.Ordinal)))
        {
            return null;
        }
        var path = uri.AbsolutePath.TrimEnd('/');
        if (path.Length == 0)
        {
            return null;
        }
        var query = "";
        if (platform == SocialPlatform.YouTube)
        {
            var v = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(uri.Query).TryGetValue("v", out var values) ? values.ToString() : "";
            if (v.Length > 0)
            {
                query = "?v=" + Uri.EscapeDataString(v);
            }
        }
        if (platform == SocialPlatform.Facebook && (path.EndsWith("/permalink.php", StringComparison.Ordinal) || path.EndsWith("/watch", StringComparison.Ordinal)))
        {
            var parameters = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(uri.Query);
            var kept = parameters.Where(p => p.Key is "story_fbid" or "id" or "v").OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => p.Key + "=" + Uri.EscapeDataString(p.Value.ToString()));
            var joined = string.Join("&", kept);
            if (joined.Length > 0)
            {
                query = "?" + joined;
            }
        }
        return "https://" + host + path + query;
    }
}
