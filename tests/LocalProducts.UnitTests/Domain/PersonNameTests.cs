using LocalProducts.Web.Domain;

namespace LocalProducts.UnitTests.Domain;

public sealed class PersonNameTests
{
    [Theory]
    [InlineData("Sari Wulandari", "Sari Wulandari")]
    [InlineData("  Sari   Wulandari ", "Sari Wulandari")]
    [InlineData("Budi\r\n\r\nSalam,\r\nMenteri Perindustrian", "Budi Salam, Menteri Perindustrian")]
    [InlineData("Budi\tSantoso\u2028Kemenperin", "Budi Santoso Kemenperin")]
    [InlineData("Dewi\u0000\u0007 Lestari", "Dewi Lestari")]
    public void SingleLine_KeepsTheNameOnOneLine(string typed, string kept) => Assert.Equal(kept, PersonName.SingleLine(typed));
}
