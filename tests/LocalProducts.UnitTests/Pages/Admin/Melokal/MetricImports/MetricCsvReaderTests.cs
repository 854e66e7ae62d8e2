using System.Text;
using LocalProducts.Web.Domain.Melokal;
using LocalProducts.Web.Pages.Admin.Melokal.MetricImports;

namespace LocalProducts.UnitTests.Pages.Admin.Melokal.MetricImports;

public sealed class MetricCsvReaderTests
{
    private const string Header = "platform;akun;url;diposting;diambil;pengikut;suka;komentar;dibagikan;disimpan;tayangan;produk";
    private const string GoodRow = "Instagram;@kopi.sari;https://www.instagram.com/p/AAA111/;12/01/2027 14.30;13/01/2027 09:00;12.450;1.234;56;12;30;;kopi-arabika";

    private static readonly ImportContext _context = new(
        new HashSet<SocialPlatform> { SocialPlatform.Instagram, SocialPlatform.TikTok },
        new DateTimeOffset(2027, 1, 12, 0, 0, 0, TimeSpan.FromHours(7)),
        new DateTimeOffset(2027, 1, 19, 0, 0, 0, TimeSpan.FromHours(7)),
        new Dictionary<(SocialPlatform, string), ImportHandle>
        {
            [(SocialPlatform.Instagram, "kopi.sari")] = new(1, true),
            [(SocialPlatform.TikTok, "kopi.sari")] = new(1, true),
            [(SocialPlatform.Instagram, "teh.manis")] = new(2, true),
            [(SocialPlatform.Instagram, "belum.ok")] = new(3, false),
            [(SocialPlatform.Instagram, "café.bali")] = new(4, true),
        },
        new Dictionary<string, int> { ["kopi-arabika"] = 77 },
        new Dictionary<string, IReadOnlySet<int>> { ["https://instagram.com/p/SHARED"] = new HashSet<int> { 2 } });

    private static ImportCheck CheckText(string text, Encoding? encoding = null)
    {
        var file = MetricCsvReader.Read((encoding ?? new UTF8Encoding(false)).GetBytes(text));
        Assert.Null(file.Problem);
        return MetricCsvReader.Check(file, _context);
    }

    private static ImportProblem OnlyProblem(ImportCheck check, ImportProblemKind kind)
    {
        var problem = Assert.Single(check.Problems, p => p.Kind == kind);
        Assert.Equal(2, problem.Line);
        return problem;
    }

    [Fact]
    public void Read_SemicolonFile_WithIndonesianThousands_AndDayFirstDates()
    {
        var check = CheckText(Header + "\r\n" + GoodRow + "\r\n");

        var row = Assert.Single(check.Rows);
        Assert.Equal(1, row.EntryId);
        Assert.Equal(12_450, row.Followers);
        Assert.Equal(1_234, row.Likes);
        Assert.Equal(56, row.Comments);
        Assert.Null(row.Views);
        Assert.Equal(77, row.ProductId);
        Assert.Equal(new DateTimeOffset(2027, 1, 12, 14, 30, 0, TimeSpan.FromHours(7)), row.PostedAt);
        Assert.Equal(new DateTimeOffset(2027, 1, 13, 9, 0, 0, TimeSpan.FromHours(7)), row.TakenAt);
        Assert.Equal("https://instagram.com/p/AAA111", row.UrlKey);
        Assert.Equal(0, check.BadRows);
        // The hidden views are a warning, not a problem with the row.
        Assert.Equal(ImportProblemKind.CountHidden, Assert.Single(check.Problems).Kind);
        Assert.Equal(1, check.WarningRows);
    }

    [Fact]
    public void Read_CommaFile_WithEnglishHeaders_AndCommaThousands()
    {
        var text = "Platform,Handle,URL,Posted_At,Taken At,Followers,Likes,Comments\n"
            + "instagram,kopi.sari,https://instagram.com/p/BBB/,2027-01-12 14:30:15,2027-01-14T08:00:00+08:00,\"1,234,567\",\"1,234\",7\n";

        var file = MetricCsvReader.Read(Encoding.UTF8.GetBytes(text));
        var check = MetricCsvReader.Check(file, _context);

        Assert.Equal(",", file.Separator);
        Assert.Equal("1,234", file.NumberFormat);
        Assert.Equal("UTF-8", file.Encoding);
        var row = Assert.Single(check.Rows);
        Assert.Equal(1_234_567, row.Followers);
        Assert.Equal(1_234, row.Likes);
        Assert.Null(row.Shares);
        Assert.Equal(new DateTimeOffset(2027, 1, 14, 0, 0, 0, TimeSpan.Zero), row.TakenAt);
        Assert.Empty(check.Problems);
    }

    [Fact]
    public void Read_TabFile_IsDetected()
    {
        var file = MetricCsvReader.Read(Encoding.UTF8.GetBytes(Header.Replace(';', '\t') + "\n" + GoodRow.Replace(';', '\t')));

        Assert.Equal("Tab", file.Separator);
        Assert.Single(MetricCsvReader.Check(file, _context).Rows);
    }

    [Fact]
    public void Read_Utf8WithBom_SaysSo()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Header + "\n" + GoodRow)).ToArray();

        var file = MetricCsvReader.Read(bytes);

        Assert.Equal("UTF-8 (BOM)", file.Encoding);
        Assert.Equal("platform", file.Header[0]);
    }

    [Fact]
    public void Read_Utf16WithBom_IsRead()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Header + "\n" + GoodRow)).ToArray();

        var file = MetricCsvReader.Read(bytes);

        Assert.Equal("UTF-16 LE (BOM)", file.Encoding);
        Assert.Single(MetricCsvReader.Check(file, _context).Rows);
    }

    [Fact]
    public void Read_Windows1252Bytes_AreReadAsWindows1252()
    {
        var windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
        var text = Header + "\n" + GoodRow.Replace("@kopi.sari", "café.bali") + "\n";

        var bytes = windows1252.GetBytes(text);
        var file = MetricCsvReader.Read(bytes);
        var check = MetricCsvReader.Check(file, _context);

        Assert.Contains((byte)0xE9, bytes);
        Assert.Equal("Windows-1252", file.Encoding);
        Assert.Equal(4, Assert.Single(check.Rows).EntryId);
    }

    [Fact]
    public void Read_Windows1252_RupiahAndEuroSign_InAQuotedField()
    {
        var windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
        var (text, encoding) = MetricCsvReader.Decode(windows1252.GetBytes("produk\n\"Rp 25.000 – €\"\n"));

        Assert.Equal("Windows-1252", encoding);
        Assert.Contains("Rp 25.000 – €", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BinaryOrXlsx_IsUnreadable()
    {
        Assert.Equal(ImportProblemKind.UnreadableEncoding, MetricCsvReader.Read([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00])!.Problem!.Kind);
        Assert.Equal(ImportProblemKind.UnreadableEncoding, MetricCsvReader.Read(Encoding.Unicode.GetBytes(Header))!.Problem!.Kind);
    }

    [Fact]
    public void Read_QuotedFields_HoldSeparators_Quotes_AndLineBreaks()
    {
        var records = MetricCsvReader.Split("a;b;c\n\"x;y\";\"he said \"\"hi\"\"\";\"two\nlines\"\n\nlast;1;2", ';');

        Assert.Equal(3, records.Count);
        Assert.Equal(["x;y", "he said \"hi\"", "two\nlines"], records[1].Fields);
        Assert.Equal(2, records[1].Line);
        // The quoted line break and the blank line both count: the last record starts on line 5.
        Assert.Equal(5, records[2].Line);
    }

    [Fact]
    public void Read_MissingAndUnknownColumns_FailTheFile_NamingThem()
    {
        var file = MetricCsvReader.Read(Encoding.UTF8.GetBytes("platform;akun;url;diposting;pengikut;suka;komentar;warna\nx;y;z;a;1;2;3;4"));

        Assert.Equal(ImportProblemKind.MissingColumns, file.Problem!.Kind);
        Assert.Equal("diambil", file.Problem.Column);
        Assert.Equal("warna", file.Problem.Value);
    }

    [Fact]
    public void Read_OnlyAHeader_IsAnEmptyFile()
    {
        Assert.Equal(ImportProblemKind.EmptyFile, MetricCsvReader.Read(Encoding.UTF8.GetBytes(Header + "\n"))!.Problem!.Kind);
        Assert.Equal(ImportProblemKind.EmptyFile, MetricCsvReader.Read([])!.Problem!.Kind);
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("-1", true)]
    [InlineData("hidden", true)]
    [InlineData("Disembunyikan", true)]
    [InlineData("tersembunyi", true)]
    [InlineData("N/A", true)]
    [InlineData("–", true)]
    [InlineData("0", false)]
    public void Check_HiddenCount_IsStoredAsNull_WithAWarning(string likes, bool hidden)
    {
        var row = GoodRow.Split(';');
        row[6] = likes;

        var check = CheckText(Header + "\n" + string.Join(';', row));

        var stored = Assert.Single(check.Rows);
        if (hidden)
        {
            Assert.Null(stored.Likes);
            Assert.Contains(check.Problems, p => p.Kind == ImportProblemKind.CountHidden && p.Column == "suka" && p.Severity == ProblemSeverity.Warning);
        }
        else
        {
            Assert.Equal(0, stored.Likes);
        }
    }

    [Theory]
    [InlineData("1234", 1234)]
    [InlineData("1.234", 1234)]
    [InlineData("1.234.567", 1234567)]
    [InlineData("12 345", 12345)]
    public void ParseCount_SemicolonFile_ReadsDotThousands(string text, int expected)
    {
        var (outcome, value) = MetricCsvReader.ParseCount(text, ".");

        Assert.Equal(MetricCsvReader.CountOutcome.Number, outcome);
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("1,5", ".", MetricCsvReader.CountOutcome.NotANumber)]
    [InlineData("1.23", ".", MetricCsvReader.CountOutcome.NotANumber)]
    [InlineData("1.234", ",", MetricCsvReader.CountOutcome.NotANumber)]
    [InlineData("banyak", ".", MetricCsvReader.CountOutcome.NotANumber)]
    [InlineData("-5", ".", MetricCsvReader.CountOutcome.Negative)]
    [InlineData("3.000.000.000", ".", MetricCsvReader.CountOutcome.TooLarge)]
    [InlineData("99999999999999999999", ".", MetricCsvReader.CountOutcome.TooLarge)]
    public void ParseCount_Refuses(string text, string thousands, MetricCsvReader.CountOutcome expected) =>
        Assert.Equal(expected, MetricCsvReader.ParseCount(text, thousands).Outcome);

    [Theory]
    [InlineData("2027-01-12 14:30", 14, 30, 0, 7)]
    [InlineData("2027-01-12 14:30:45", 14, 30, 45, 7)]
    [InlineData("12/01/2027 14:30", 14, 30, 0, 7)]
    [InlineData("12/1/2027 9.05", 9, 5, 0, 7)]
    [InlineData("12/01/2027 14:30:45", 14, 30, 45, 7)]
    [InlineData("2027-01-12T14:30:00Z", 14, 30, 0, 0)]
    [InlineData("2027-01-12T14:30+08:00", 14, 30, 0, 8)]
    public void TryParseDate_ReadsWib_UnlessAnOffsetIsGiven(string text, int hour, int minute, int second, int offsetHours)
    {
        Assert.True(MetricCsvReader.TryParseDate(text, out var instant));
        Assert.Equal(new DateTimeOffset(2027, 1, 12, hour, minute, second, TimeSpan.FromHours(offsetHours)), instant);
    }

    [Theory]
    [InlineData(0, "", ImportProblemKind.MissingValue)]
    [InlineData(0, "Friendster", ImportProblemKind.UnknownPlatform)]
    [InlineData(0, "YouTube", ImportProblemKind.PlatformNotCounted)]
    [InlineData(1, "nobody", ImportProblemKind.UnknownInfluencer)]
    [InlineData(1, "@belum.ok", ImportProblemKind.InfluencerNotApproved)]
    [InlineData(2, "https://www.tiktok.com/@kopi/video/1", ImportProblemKind.UrlNotOfPlatform)]
    [InlineData(3, "kemarin", ImportProblemKind.NotADate)]
    [InlineData(3, "31/02/2027 10:00", ImportProblemKind.NotADate)]
    [InlineData(3, "14/01/2027 10:00", ImportProblemKind.PostedAfterSnapshot)]
    [InlineData(4, "", ImportProblemKind.MissingValue)]
    [InlineData(6, "banyak", ImportProblemKind.NotANumber)]
    [InlineData(7, "-3", ImportProblemKind.NegativeNumber)]
    [InlineData(8, "5.000.000.000", ImportProblemKind.NumberTooLarge)]
    [InlineData(11, "kopi-robusta", ImportProblemKind.UnknownProduct)]
    public void Check_BadValue_IsAnError_WithLineAndColumn(int field, string value, ImportProblemKind kind)
    {
        var row = GoodRow.Split(';');
        row[field] = value;

        var check = CheckText(Header + "\n" + string.Join(';', row));

        Assert.Empty(check.Rows);
        Assert.Equal(1, check.BadRows);
        var problem = OnlyProblem(check, kind);
        Assert.Equal(ProblemSeverity.Error, problem.Severity);
    }

    [Fact]
    public void Check_WrongFieldCount_IsAnError()
    {
        var check = CheckText(Header + "\n" + "Instagram;kopi.sari;https://instagram.com/p/A/");

        Assert.Equal("3/12", OnlyProblem(check, ImportProblemKind.WrongFieldCount).Value);
        Assert.Equal(1, check.BadRows);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("")]
    public void Check_FollowersZeroOrMissing_IsAWarning(string followers)
    {
        var row = GoodRow.Split(';');
        row[5] = followers;

        var check = CheckText(Header + "\n" + string.Join(';', row));

        Assert.Single(check.Rows);
        Assert.Equal(ProblemSeverity.Warning, OnlyProblem(check, ImportProblemKind.FollowersZeroOrMissing).Severity);
    }

    [Fact]
    public void Check_OutsideWindow_IsAWarning_AndTheRowIsKept()
    {
        var row = GoodRow.Replace("12/01/2027 14.30", "02/01/2027 10:00", StringComparison.Ordinal);

        var check = CheckText(Header + "\n" + row);

        Assert.Single(check.Rows);
        Assert.Equal("diposting", OnlyProblem(check, ImportProblemKind.OutsideWindow).Column);
    }

    [Fact]
    public void Check_DuplicateRow_IsCountedOnce()
    {
        var check = CheckText(Header + "\n" + GoodRow + "\n" + GoodRow.Replace("https://www.", "https://", StringComparison.Ordinal));

        Assert.Single(check.Rows);
        var duplicate = Assert.Single(check.Problems, p => p.Kind == ImportProblemKind.DuplicateRow);
        Assert.Equal(3, duplicate.Line);
        Assert.Equal(2, check.TotalRows);
    }

    [Fact]
    public void Check_SameUrlUnderAnotherInfluencer_IsAWarning()
    {
        var other = GoodRow.Replace("@kopi.sari", "teh.manis", StringComparison.Ordinal);

        var inFile = CheckText(Header + "\n" + GoodRow + "\n" + other);
        var stored = CheckText(Header + "\n" + GoodRow.Replace("AAA111", "SHARED", StringComparison.Ordinal));

        Assert.Equal(2, inFile.Rows.Count);
        Assert.Equal(3, Assert.Single(inFile.Problems, p => p.Kind == ImportProblemKind.SharedUrl).Line);
        Assert.Single(stored.Problems, p => p.Kind == ImportProblemKind.SharedUrl);
    }

    [Fact]
    public void Check_KeepsAtMostTheLimit_ButCountsEveryRow()
    {
        var bad = GoodRow.Replace("Instagram", "Friendster", StringComparison.Ordinal);
        var text = new StringBuilder(Header).Append('\n');
        for (var i = 0; i < MetricImport.MaxProblemsKept + 50; i++)
        {
            text.Append(bad).Append('\n');
        }

        var check = CheckText(text.ToString());

        Assert.Equal(MetricImport.MaxProblemsKept + 50, check.BadRows);
        Assert.Equal(MetricImport.MaxProblemsKept, check.Problems.Count);
    }
}
