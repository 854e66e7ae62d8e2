using LocalProducts.Web.Infrastructure.Accounts;

namespace LocalProducts.UnitTests.Infrastructure.Accounts;

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
