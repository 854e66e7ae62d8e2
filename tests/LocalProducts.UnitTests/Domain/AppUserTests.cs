using LocalProducts.Web.Domain;

namespace LocalProducts.UnitTests.Domain;

public sealed class AppUserTests
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
