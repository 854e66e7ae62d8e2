using System.Net;
using LocalProducts.Tests;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure;
using LocalProducts.Web.Infrastructure.Accounts;
using LocalProducts.Web.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace LocalProducts.UnitTests.Infrastructure;

public sealed class FixedWindowTests
{
    private static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-11-23T10:07:30Z", 15, "2026-11-23T10:00:00Z")]
    [InlineData("2026-11-23T10:15:00Z", 15, "2026-11-23T10:15:00Z")]
    [InlineData("2026-11-23T10:14:59.999Z", 15, "2026-11-23T10:00:00Z")]
    [InlineData("2026-11-23T23:59:59Z", 60, "2026-11-23T23:00:00Z")]
    [InlineData("2026-11-23T17:07:30+07:00", 15, "2026-11-23T10:00:00Z")]
    public void StartOf_AlignsWindowsToTheClock_WhateverTheOffset(string instant, int minutes, string start)
    {
        Assert.Equal(Utc(start), FixedWindow.StartOf(Utc(instant), TimeSpan.FromMinutes(minutes)));
    }

    [Fact]
    public void StartOf_BeforeTheEpoch_StillRoundsDown()
    {
        Assert.Equal(Utc("1969-12-31T23:45:00Z"), FixedWindow.StartOf(Utc("1969-12-31T23:59:00Z"), TimeSpan.FromMinutes(15)));
    }

    [Fact]
    public void SecondsUntilNext_CountsToTheWindowsEnd_AtLeastOne()
    {
        Assert.Equal(450, FixedWindow.SecondsUntilNext(Utc("2026-11-23T10:07:30Z"), TimeSpan.FromMinutes(15)));
        Assert.Equal(900, FixedWindow.SecondsUntilNext(Utc("2026-11-23T10:00:00Z"), TimeSpan.FromMinutes(15)));
        Assert.Equal(1, FixedWindow.SecondsUntilNext(Utc("2026-11-23T10:14:59.9Z"), TimeSpan.FromMinutes(15)));
    }

    [Fact]
    public void TwoInstancesWithTheSameClock_PutAHitInTheSameWindow()
    {
        var window = TimeSpan.FromMinutes(5);
        Assert.Equal(FixedWindow.StartOf(Utc("2026-11-23T10:01:00Z"), window), FixedWindow.StartOf(Utc("2026-11-23T10:04:59Z"), window));
        Assert.NotEqual(FixedWindow.StartOf(Utc("2026-11-23T10:04:59Z"), window), FixedWindow.StartOf(Utc("2026-11-23T10:05:00Z"), window));
    }

    [Fact]
    public void Options_UseTheDefault_ForABucketNotConfigured_AndRefuseUnknownBuckets()
    {
        var options = new RateLimitOptions();
        options.Rules[RateLimitBuckets.Register] = new RateLimitRule { PermitLimit = 3, Window = TimeSpan.FromMinutes(1) };

        Assert.Equal(3, options.RuleFor(RateLimitBuckets.Register).PermitLimit);
        Assert.Equal(RateLimitBuckets.Defaults()[RateLimitBuckets.LogIn].PermitLimit, options.RuleFor(RateLimitBuckets.LogIn).PermitLimit);
        Assert.Throws<InvalidOperationException>(() => options.RuleFor("komentar"));
    }
}

public sealed class RateLimitKeysTests
{
    [Theory]
    [InlineData("203.0.113.9", "203.0.113.9")]
    [InlineData("::ffff:203.0.113.9", "203.0.113.9")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    public void ForAddress_CountsIPv6ByItsSlash64(string address, string key)
    {
        Assert.Equal(key, RateLimitKeys.ForAddress(IPAddress.Parse(address)));
    }

    [Fact]
    public void ForAddress_Unknown_IsOneKey()
    {
        Assert.Equal("unknown", RateLimitKeys.ForAddress(null));
    }

    [Fact]
    public void ForEmail_IsAHash_NotTheAddress_AndIgnoresCaseAndSpaces()
    {
        var key = RateLimitKeys.ForEmail(" Pemilik.Kopi@Melokal.test ");

        Assert.Equal(RateLimitKeys.ForEmail("pemilik.kopi@melokal.test"), key);
        Assert.DoesNotContain("@", key, StringComparison.Ordinal);
        Assert.DoesNotContain("pemilik", key, StringComparison.OrdinalIgnoreCase);
        Assert.True(key.Length <= 100);
    }
}

public sealed class PasswordRulesTests
{
    [Theory]
    [InlineData("password2026")]
    [InlineData("Password-2026!")]
    [InlineData("Indonesia1945")]
    [InlineData("1234567890")]
    [InlineData("0812345678901")]
    [InlineData("qwertyuiop")]
    [InlineData("Melokal2026!!")]
    public void Check_CommonPasswords_AreRefused(string password)
    {
        Assert.Contains(PasswordRules.Problem.Common, PasswordRules.Check(password));
    }

    [Theory]
    [InlineData("aaaaaaaaaaaa")]
    [InlineData("abcabcabcabc")]
    [InlineData("abcdefghijkl")]
    [InlineData("asdfghjkl")]
    [InlineData("9876543210")]
    public void Check_RepeatsAndRuns_AreRefused(string password)
    {
        Assert.Contains(PasswordRules.Problem.Pattern, PasswordRules.Check(password));
    }

    [Theory]
    [InlineData("budi.santoso@contoh.test", "Budi Santoso", "budisantoso1")]
    [InlineData("budi.santoso@contoh.test", null, "Budi.Santoso!!")]
    [InlineData("siti@contoh.test", "Siti Rahma", "SitiRahma2026")]
    public void Check_PasswordsMadeOfTheNameOrEmail_AreRefused(string email, string? name, string password)
    {
        Assert.Contains(PasswordRules.Problem.Personal, PasswordRules.Check(password, email, name));
    }

    [Theory]
    [InlineData("kopi hangat di pagi hari", "pemilik.kopi@contoh.test", "Kopi Uji")]
    [InlineData("Admin-Melokal-2026", "admin@melokal.test", null)]
    [InlineData("Tenun-Sumba-Biru-88", "budi@contoh.test", "Budi")]
    [InlineData("!@#$%^&*()_+", null, null)]
    public void Check_LongUnrelatedPasswords_Pass(string password, string? email, string? name)
    {
        Assert.Empty(PasswordRules.Check(password, email, name));
    }
}

public sealed class TwoFactorCodesTests
{
    [Theory]
    [InlineData("123 456", "123456", true)]
    [InlineData(" 123-456 ", "123456", true)]
    [InlineData("12345", "12345", false)]
    [InlineData("12345a", "12345a", false)]
    [InlineData("ABCDE-23456", "ABCDE23456", false)]
    public void Normalize_DropsSpacesAndHyphens_AndSixDigitsAreAnAppCode(string typed, string normalized, bool appCode)
    {
        Assert.Equal(normalized, TwoFactorCodes.Normalize(typed));
        Assert.Equal(appCode, TwoFactorCodes.IsAuthenticatorCode(TwoFactorCodes.Normalize(typed)));
    }

    [Theory]
    [InlineData("abcde-23456", "ABCDE-23456")]
    [InlineData("abcde 23456", "ABCDE-23456")]
    [InlineData("ABCDE23456", "ABCDE-23456")]
    [InlineData("XYZ", "XYZ")]
    public void NormalizeRecoveryCode_PutsBackIdentitysFormat(string typed, string code)
    {
        Assert.Equal(code, TwoFactorCodes.NormalizeRecoveryCode(typed));
    }

    [Fact]
    public void FormatKey_GroupsOfFour_LowerCase()
    {
        Assert.Equal("abcd efgh ijkl mn", TwoFactorCodes.FormatKey("ABCDEFGHIJKLMN"));
    }

    [Fact]
    public void AuthenticatorUri_FollowsTheKeyUriFormat_WithTheAddressEscaped()
    {
        Assert.Equal("otpauth://totp/Melokal:pemilik%2Bkopi%40contoh.test?secret=JBSWY3DPEHPK3PXP&issuer=Melokal&digits=6",
            TwoFactorCodes.AuthenticatorUri("pemilik+kopi@contoh.test", "JBSWY3DPEHPK3PXP"));
    }

    [Fact]
    public void QrCodeDataUri_IsAPngImage()
    {
        var uri = TwoFactorCodes.QrCodeDataUri("otpauth://totp/Melokal:a%40b.id?secret=JBSWY3DPEHPK3PXP&issuer=Melokal&digits=6");

        Assert.StartsWith("data:image/png;base64,", uri, StringComparison.Ordinal);
        var png = Convert.FromBase64String(uri["data:image/png;base64,".Length..]);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
    }
}

/// The test helper that plays the authenticator app, checked against RFC 6238's own examples.
public sealed class TotpTests
{
    // RFC 6238 appendix B: the SHA-1 key is the ASCII of "12345678901234567890".
    private const string RfcKey = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    [Theory]
    [InlineData(59, "94287082")]
    [InlineData(1111111109, "07081804")]
    [InlineData(1111111111, "14050471")]
    [InlineData(1234567890, "89005924")]
    [InlineData(2000000000, "69279037")]
    [InlineData(20000000000, "65353130")]
    public void Code_MatchesTheRfcTestVectors(long unixSeconds, string code)
    {
        Assert.Equal(code, Totp.Code(RfcKey, DateTimeOffset.FromUnixTimeSeconds(unixSeconds), digits: 8));
        Assert.Equal(code[2..], Totp.Code(RfcKey, DateTimeOffset.FromUnixTimeSeconds(unixSeconds)));
    }

    [Fact]
    public void FromBase32_ReadsKeysAsAppsShowThem()
    {
        Assert.Equal("12345678901234567890"u8.ToArray(), Totp.FromBase32("gezd gnbv gy3t qojq gezd gnbv gy3t qojq"));
    }
}

public sealed class DisplayNameTests
{
    [Theory]
    [InlineData("  Budi   Santoso ", "Budi Santoso")]
    [InlineData("Budi\r\nBcc: semua@contoh.test", "Budi Bcc: semua@contoh.test")]
    [InlineData("Kopi\tBatur\u0000", "Kopi Batur")]
    [InlineData("<b>Tebal</b>", "<b>Tebal</b>")]
    public void CleanDisplayName_KeepsOneLineOfText(string typed, string clean)
    {
        Assert.Equal(clean, AppUser.CleanDisplayName(typed));
    }

    [Fact]
    public void CleanDisplayName_CutsToTheMaximumLength()
    {
        Assert.Equal(AppUser.DisplayNameMaxLength, AppUser.CleanDisplayName(new string('a', 300)).Length);
    }
}

public sealed class ForwardedHeadersTests
{
    [Fact]
    public void KnownProxiesAndNetworks_ComeFromTheSettings_ThroughLoopbackStays()
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["KnownProxies:0"] = "10.0.0.5",
            ["KnownNetworks:0"] = "10.1.0.0/16",
            ["ForwardLimit"] = "2",
        }).Build();
        var options = new ForwardedHeadersOptions();

        SiteSecurity.ConfigureForwardedHeaders(options, settings);

        Assert.Contains(IPAddress.Parse("10.0.0.5"), options.KnownProxies);
        Assert.Contains(System.Net.IPNetwork.Parse("10.1.0.0/16"), options.KnownIPNetworks);
        Assert.Contains(options.KnownIPNetworks, network => network.Contains(IPAddress.Loopback));
        Assert.Equal(2, options.ForwardLimit);
    }
}
