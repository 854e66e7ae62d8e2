using System.Text;
using LocalProducts.Web.Pages.Admin.ESmart;

namespace LocalProducts.UnitTests.Pages.Admin.ESmart;

public sealed class CompletionCsvReaderTests
{
    private static readonly Dictionary<string, CsvParticipant> _participants = new(StringComparer.Ordinal)
    {
        ["1234567890123"] = new(10, true),
        ["kopi-batur"] = new(10, true),
        ["9999999999999"] = new(11, false),
    };

    private static readonly Dictionary<string, int> _modules = new(StringComparer.Ordinal)
    {
        ["foto produk"] = 1,
        ["product photos"] = 1,
        ["pemasaran digital"] = 2,
    };

    private static CompletionCsvResult Read(string text, Encoding? encoding = null) =>
        CompletionCsvReader.Read((encoding ?? Encoding.UTF8).GetBytes(text), _participants, _modules);

    [Fact]
    public void Read_NibOrSlug_AndEitherLanguage_FindsTheRows()
    {
        var result = Read("nib;ikm;modul\n1234567890123;;Foto produk\n;kopi-batur;PEMASARAN DIGITAL\n;kopi-batur;Product photos\n");

        Assert.Empty(result.Problems);
        Assert.Equal([(10, 1), (10, 2), (10, 1)], result.Done);
    }

    [Fact]
    public void Read_BadRows_ReportsEachWithItsLine()
    {
        var result = Read("nib,modul\n1234567890123,Foto produk\n0000000000000,Foto produk\n9999999999999,Foto produk\n1234567890123,Menari\n,Foto produk\n");

        Assert.Equal(
            [(3, CompletionCsvProblemKind.UnknownIkm), (4, CompletionCsvProblemKind.NotAccepted), (5, CompletionCsvProblemKind.UnknownModule), (6, CompletionCsvProblemKind.MissingIkm)],
            result.Problems.Select(p => (p.Line, p.Kind)));
    }

    [Theory]
    [InlineData("nama,modul\nx,Foto produk\n", CompletionCsvProblemKind.MissingColumns)]
    [InlineData("nib,modul,catatan\n1234567890123,Foto produk,x\n", CompletionCsvProblemKind.UnknownColumns)]
    [InlineData("nib,modul\n", CompletionCsvProblemKind.EmptyFile)]
    [InlineData("", CompletionCsvProblemKind.EmptyFile)]
    public void Read_WrongFile_IsRefusedOnTheHeader(string text, CompletionCsvProblemKind kind)
    {
        var result = Read(text);

        Assert.Equal(kind, Assert.Single(result.Problems).Kind);
        Assert.Empty(result.Done);
    }

    [Fact]
    public void Read_Workbook_IsNotReadAsText()
    {
        var result = CompletionCsvReader.Read([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00], _participants, _modules);

        Assert.Equal(CompletionCsvProblemKind.UnreadableEncoding, Assert.Single(result.Problems).Kind);
    }
}
