using LocalProducts.Web.Pages.Products.WhatsApp;

namespace LocalProducts.UnitTests.Pages.Products.WhatsApp;

public sealed class WhatsAppOrderMessageTests
{
    [Fact]
    public void Url_WritesTheOrder_PercentEncoded()
    {
        var text = WhatsAppOrderMessage.Text("Kopi & Teh #1", 25_000, null, "pak", 3, "https://melokal.kemenperin.go.id/produk/kopi-teh-1");

        var url = WhatsAppOrderMessage.Url("+6281234567890", text);

        Assert.Equal(
            "Halo, saya ingin memesan lewat Melokal:\nKopi & Teh #1\nHarga: Rp 25.000 / pak\nJumlah: 3 pak\nhttps://melokal.kemenperin.go.id/produk/kopi-teh-1",
            text);
        Assert.Equal(
            "https://wa.me/6281234567890?text=Halo%2C%20saya%20ingin%20memesan%20lewat%20Melokal%3A%0AKopi%20%26%20Teh%20%231%0A"
            + "Harga%3A%20Rp%2025.000%20%2F%20pak%0AJumlah%3A%203%20pak%0Ahttps%3A%2F%2Fmelokal.kemenperin.go.id%2Fproduk%2Fkopi-teh-1",
            url);
    }

    [Fact]
    public void Url_EncodesPlus_AndLettersBeyondAscii_AsUtf8()
    {
        var text = WhatsAppOrderMessage.Text("Sambal+ Bu Endah ☕ é", 15_000, 40_000, null, 1, "http://localhost/produk/sambal");

        var url = WhatsAppOrderMessage.Url("+628111222333", text);

        Assert.Equal("Halo, saya ingin memesan lewat Melokal:\nSambal+ Bu Endah ☕ é\nHarga: Rp 15.000 – Rp 40.000\nJumlah: 1\nhttp://localhost/produk/sambal", text);
        Assert.Equal(
            "https://wa.me/628111222333?text=Halo%2C%20saya%20ingin%20memesan%20lewat%20Melokal%3A%0ASambal%2B%20Bu%20Endah%20%E2%98%95%20%C3%A9%0A"
            + "Harga%3A%20Rp%2015.000%20%E2%80%93%20Rp%2040.000%0AJumlah%3A%201%0Ahttp%3A%2F%2Flocalhost%2Fproduk%2Fsambal",
            url);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("081234567890")]
    [InlineData("+1555123456789")]
    [InlineData("+62812@evil.example")]
    [InlineData("+62 812 3456 7890")]
    public void Url_WithoutAStoredIndonesianNumber_IsNull(string? number) =>
        Assert.Null(WhatsAppOrderMessage.Url(number, "Halo"));

    [Theory]
    [InlineData(null, 1)]
    [InlineData("", 1)]
    [InlineData("  ", 1)]
    [InlineData("2", 2)]
    [InlineData(" 12 ", 12)]
    [InlineData("999", 999)]
    [InlineData("1000", 999)]
    [InlineData("99999999999999999999999999", 999)]
    [InlineData("0", 1)]
    [InlineData("-4", 1)]
    [InlineData("2.5", 1)]
    [InlineData("abc", 1)]
    [InlineData("٣", 1)]
    public void Quantity_IsKeptWithin1To999(string? typed, int expected) =>
        Assert.Equal(expected, WhatsAppOrderMessage.Quantity(typed));
}
