using System.Text;
using LocalProducts.Web.Pages.Dashboard.Sales.SalesImports;

namespace LocalProducts.UnitTests.Pages.Dashboard.Sales.SalesImports;

public sealed class SalesCsvReaderTests
{
    [Fact]
    public void Read_ColumnsInAnyOrder_IndonesianOrEnglish()
    {
        var file = SalesCsvReader.Read(Encoding.UTF8.GetBytes("Revenue;Kanal;Units;Product;Date\r\n\"Rp 1.250.000\";Shopee;12;kopi;05/11/2026\r\n"));

        Assert.Null(file.Problem);
        Assert.Equal(";", file.Separator);
        Assert.Equal(0, file.Columns[SalesColumn.Revenue]);
        Assert.Equal(4, file.Columns[SalesColumn.Day]);
        var record = Assert.Single(file.Records);
        Assert.Equal(2, record.Line);
    }

    [Fact]
    public void Read_MissingColumns_SaysWhich()
    {
        var file = SalesCsvReader.Read(Encoding.UTF8.GetBytes("tanggal,produk,unit\n2026-11-05,kopi,3\n"));

        Assert.Equal(ImportMessages.MissingColumns, file.Problem);
        Assert.Equal("kanal, pendapatan", file.ProblemValue);
    }

    [Fact]
    public void Read_UnknownColumn_SaysWhich()
    {
        var file = SalesCsvReader.Read(Encoding.UTF8.GetBytes("tanggal,produk,kanal,unit,pendapatan,warna\n"));

        Assert.Equal(ImportMessages.UnknownColumns, file.Problem);
        Assert.Equal("warna", file.ProblemValue);
    }

    [Fact]
    public void Read_Utf16WithBom_AndWindows1252()
    {
        const string text = "tanggal\tproduk\tkanal\tunit\tpendapatan\r\n2026-11-05\tKopi Gayo Café\tLuring\t3\t75.000\r\n";
        var utf16 = SalesCsvReader.Read([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)]);
        var ansi = SalesCsvReader.Read(CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(text));

        Assert.Equal("UTF-16 LE (BOM)", utf16.Encoding);
        Assert.Equal("Windows-1252", ansi.Encoding);
        Assert.Equal("Tab", ansi.Separator);
        Assert.Equal("Kopi Gayo Café", utf16.Records[0].Fields[1]);
        Assert.Equal("Kopi Gayo Café", ansi.Records[0].Fields[1]);
    }

    [Fact]
    public void Read_AWorkbook_IsUnreadable() =>
        Assert.Equal(ImportMessages.UnreadableEncoding, SalesCsvReader.Read([0x50, 0x4B, 0x03, 0x04, 0, 0]).Problem);
}
