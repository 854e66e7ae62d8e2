using LocalProducts.Web.Domain.Melokal;

namespace LocalProducts.UnitTests.Domain.Melokal;

/// A post's address in one form, so that the same post typed twice is found again.
public sealed class SocialPlatformsPostUrlKeyTests
{
    [Theory]
    [InlineData(SocialPlatform.Instagram, "https://www.instagram.com/p/ABC123/?utm_source=ig_web_copy_link", "https://instagram.com/p/ABC123")]
    [InlineData(SocialPlatform.Instagram, "instagram.com/p/ABC123", "https://instagram.com/p/ABC123")]
    [InlineData(SocialPlatform.Instagram, "HTTP://WWW.INSTAGRAM.COM/p/AbC123/", "https://instagram.com/p/AbC123")]
    [InlineData(SocialPlatform.Facebook, "https://m.facebook.com/kopi.nusantara/posts/123?ref=share&mibextid=abc", "https://facebook.com/kopi.nusantara/posts/123")]
    [InlineData(SocialPlatform.TikTok, "https://www.tiktok.com/@kopi/video/7311?is_from_webapp=1&sender_device=pc#comments", "https://tiktok.com/@kopi/video/7311")]
    [InlineData(SocialPlatform.X, "https://twitter.com/kopi/status/99?s=20", "https://twitter.com/kopi/status/99")]
    public void PostUrlKey_DropsWwwAndM_TheTrackingQuery_TheFragment_AndTheTrailingSlash(SocialPlatform platform, string url, string expected) =>
        Assert.Equal(expected, SocialPlatforms.PostUrlKey(platform, url));

    [Theory]
    [InlineData("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s&si=xyz", "https://youtube.com/watch?v=dQw4w9WgXcQ")]
    [InlineData("https://m.youtube.com/watch?feature=share&v=dQw4w9WgXcQ", "https://youtube.com/watch?v=dQw4w9WgXcQ")]
    [InlineData("https://youtu.be/dQw4w9WgXcQ?si=abc", "https://youtu.be/dQw4w9WgXcQ")]
    public void PostUrlKey_YouTube_KeepsTheVideoIdOfTheQuery(string url, string expected) =>
        Assert.Equal(expected, SocialPlatforms.PostUrlKey(SocialPlatform.YouTube, url));

    [Theory]
    [InlineData(SocialPlatform.Instagram, "https://www.tiktok.com/@kopi/video/7311")]
    [InlineData(SocialPlatform.Instagram, "https://evilinstagram.com/p/ABC123")]
    [InlineData(SocialPlatform.Instagram, "https://instagram.com.evil.example/p/ABC123")]
    [InlineData(SocialPlatform.TikTok, "https://www.youtube.com/watch?v=dQw4w9WgXcQ")]
    public void PostUrlKey_AddressOnAnotherSite_IsRejected(SocialPlatform platform, string url) =>
        Assert.Null(SocialPlatforms.PostUrlKey(platform, url));

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("javascript://instagram.com/p/ABC123")]
    [InlineData("ftp://instagram.com/p/ABC123")]
    [InlineData("https://user:secret@instagram.com/p/ABC123")]
    [InlineData("https://instagram.com/")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void PostUrlKey_NotAnHttpAddressOfAPost_IsRejected(string? url) =>
        Assert.Null(SocialPlatforms.PostUrlKey(SocialPlatform.Instagram, url));

    [Fact]
    public void PostUrlKey_LongerThanTheColumn_IsRejected() =>
        Assert.Null(SocialPlatforms.PostUrlKey(SocialPlatform.Instagram, "https://instagram.com/p/" + new string('a', RoundPost.UrlMaxLength)));
}
