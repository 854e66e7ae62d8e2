using System.Text.RegularExpressions;
using LocalProducts.Web.Pages.Admin.Melokal.MetricImports;

namespace LocalProducts.Web.Pages.Dashboard.Sales.SalesImports;

/// Reads an owner's sales CSV as spreadsheets write it. Decoding (UTF-8 with or without BOM,
/// UTF-16 with BOM, Windows-1252), the separator (';', ',' or tab) and the RFC 4180 records are the
/// Melokal import's (<see cref="MetricCsvReader"/>); the columns are the sales ones, in any order,
/// named in Indonesian or English. Pure: no database, no clock.
public static partial class SalesCsvReader
{
    /// Both '.' and ',' group thousands: "1.234.567" (Excel in Indonesian) and "1,234,567".
    public const string Thousands = ".,";

    private static readonly Dictionary<string, SalesColumn> _names = new(StringComparer.Ordinal)
    {
        ["tanggal"] = SalesColumn.Day,
        ["tgl"] = SalesColumn.Day,
        ["hari"] = SalesColumn.Day,
        ["date"] = SalesColumn.Day,
        ["day"] = SalesColumn.Day,
        ["bulan"] = SalesColumn.Month,
        ["month"] = SalesColumn.Month,
        ["produk"] = SalesColumn.Product,
        ["product"] = SalesColumn.Product,
        ["namaproduk"] = SalesColumn.Product,
        ["kategori"] = SalesColumn.Category,
        ["category"] = SalesColumn.Category,
        ["kanal"] = SalesColumn.Channel,
        ["channel"] = SalesColumn.Channel,
        ["saluran"] = SalesColumn.Channel,
        ["unit"] = SalesColumn.Units,
        ["units"] = SalesColumn.Units,
        ["jumlah"] = SalesColumn.Units,
        ["terjual"] = SalesColumn.Units,
        ["qty"] = SalesColumn.Units,
        ["quantity"] = SalesColumn.Units,
        ["pendapatan"] = SalesColumn.Revenue,
        ["revenue"] = SalesColumn.Revenue,
        ["omzet"] = SalesColumn.Revenue,
        ["omset"] = SalesColumn.Revenue,
    };

    /// The name the page shows for a column (the Indonesian header).
    public static string NameOf(SalesColumn column) => column switch
    {
        SalesColumn.Day => "tanggal",
        SalesColumn.Month => "bulan",
        SalesColumn.Product => "produk",
        SalesColumn.Category => "kategori",
        SalesColumn.Channel => "kanal",
        SalesColumn.Units => "unit",
        _ => "pendapatan",
    };

    [GeneratedRegex(@"\(.*?\)|[\s_\-.]", RegexOptions.CultureInvariant)]
    private static partial Regex HeaderNoise();

    public static SalesCsvFile Read(byte[] content)
    {
        if (content.Length == 0)
        {
            return new SalesCsvFile { Problem = ImportMessages.EmptyFile };
        }
        var (text, encoding) = MetricCsvReader.Decode(content);
        if (text is null)
        {
            return new SalesCsvFile { Encoding = encoding, Problem = ImportMessages.UnreadableEncoding, ProblemValue = encoding };
        }
        var separator = MetricCsvReader.DetectSeparator(text);
        var separatorName = separator switch
        {
            ';' => ";",
            '\t' => "Tab",
            _ => ",",
        };
        const string numberFormat = "1.234.567 / 1,234,567";
        var records = MetricCsvReader.Split(text, separator);
        if (records.Count == 0)
        {
            return new SalesCsvFile { Encoding = encoding, Separator = separatorName, NumberFormat = numberFormat, Problem = ImportMessages.EmptyFile };
        }
        var header = records[0].Fields.Select(f => f.Trim()).ToList();
        var columns = new Dictionary<SalesColumn, int>();
        var unknown = new List<string>();
        for (var i = 0; i < header.Count; i++)
        {
            var key = HeaderNoise().Replace(header[i].ToLowerInvariant(), "");
            if (key.Length == 0 && header.Skip(i).All(h => h.Length == 0))
            {
                break;
            }
            if (!_names.TryGetValue(key, out var column) || !columns.TryAdd(column, i))
            {
                unknown.Add(header[i].Length == 0 ? $"#{i + 1}" : header[i]);
            }
        }
        var missing = new List<string>();
        if (!columns.ContainsKey(SalesColumn.Day) && !columns.ContainsKey(SalesColumn.Month))
        {
            missing.Add("tanggal / bulan");
        }
        if (!columns.ContainsKey(SalesColumn.Product) && !columns.ContainsKey(SalesColumn.Category))
        {
            missing.Add("produk / kategori");
        }
        missing.AddRange(new[] { SalesColumn.Channel, SalesColumn.Units, SalesColumn.Revenue }.Where(c => !columns.ContainsKey(c)).Select(NameOf));
        if (missing.Count > 0 || unknown.Count > 0)
        {
            return new SalesCsvFile
            {
                Encoding = encoding,
                Separator = separatorName,
                NumberFormat = numberFormat,
                Header = header,
                Problem = missing.Count > 0 ? ImportMessages.MissingColumns : ImportMessages.UnknownColumns,
                ProblemValue = Cut(string.Join(", ", missing.Count > 0 ? missing : unknown)),
            };
        }
        if (records.Count == 1)
        {
            return new SalesCsvFile { Encoding = encoding, Separator = separatorName, NumberFormat = numberFormat, Header = header, Problem = ImportMessages.EmptyFile };
        }
        return new SalesCsvFile
        {
            Encoding = encoding,
            Separator = separatorName,
            NumberFormat = numberFormat,
            Header = header,
            Columns = columns,
            Records = records.Skip(1).ToList(),
        };
    }

    public static string Cut(string value) => value.Length > 100 ? value[..100] + "…" : value;
}
