using System.Net;
using LocalProducts.Web.Domain;

namespace LocalProducts.IntegrationTests.Pages.Account;

/// Where log-in leads: back to the page that asked for it, else to the person's own place.
public sealed class LandingTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Theory]
    [InlineData(Roles.IkmOwner, "/dasbor")]
    [InlineData(Roles.Staff, "/admin")]
    [InlineData(Roles.Writer, "/redaksi")]
    public async Task LogIn_WithoutAReturnAddress_LandsOnTheRolesOwnPlace(string role, string home)
    {
        var email = Accounts.NewEmail("mendarat");
        await Accounts.CreateAsync(site.Factory, email, role);
        using var client = site.CreateClient();

        var response = await Accounts.PostLogInAsync(client, email, Accounts.GoodPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(home, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task LogIn_WithAReturnAddress_GoesBackThere_AndNeverOffTheSite()
    {
        var email = Accounts.NewEmail("kembali");
        await Accounts.CreateAsync(site.Factory, email);

        foreach (var (asked, expected) in new[] { ("/produk?q=kopi", "/produk?q=kopi"), ("https://jahat.example/", "/dasbor") })
        {
            using var client = site.CreateClient();
            var page = await client.GetPageAsync($"/akun/masuk?kembali={Uri.EscapeDataString(asked)}");
            var response = await client.SubmitAsync(page, "main form", new Dictionary<string, string>
            {
                ["Input.Email"] = email,
                ["Input.Password"] = Accounts.GoodPassword,
            });

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal(expected, response.Headers.Location!.OriginalString);
        }
    }
}
