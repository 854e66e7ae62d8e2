using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Domain.Melokal;

namespace LocalProducts.Web.Pages.Admin.Melokal.MetricImports;

/// Reads the staff's CSV of posts and figures as spreadsheets write it (Excel in Indonesian:
/// ';' between fields, '1.234' for a thousand, dates day first, often Windows-1252) and checks
/// each row against the round. Pure: no database, no clock.
public static partial class MetricCsvReader
{
    /// More rows than this is not a round's figures: the file is refused.
    public const int MaxRows = 200_000;
    /// A value longer than this is cut in the report.
    private const int ValueShownLength = 100;

    public static readonly IReadOnlyList<MetricColumn> Required =
        [MetricColumn.Platform, MetricColumn.Handle, MetricColumn.Url, MetricColumn.PostedAt, MetricColumn.TakenAt,
         MetricColumn.Followers, MetricColumn.Likes, MetricColumn.Comments];

    /// Header names in Indonesian and English, compared without case, spaces, underscores,
    /// hyphens and a note in brackets ("Diambil (WIB)").
    private static readonly Dictionary<string, MetricColumn> _names = new(StringComparer.Ordinal)
    {
        ["platform"] = MetricColumn.Platform,
        ["akun"] = MetricColumn.Handle,
        ["handle"] = MetricColumn.Handle,
        ["username"] = MetricColumn.Handle,
        ["url"] = MetricColumn.Url,
        ["tautan"] = MetricColumn.Url,
        ["link"] = MetricColumn.Url,
        ["diposting"] = MetricColumn.PostedAt,
        ["postedat"] = MetricColumn.PostedAt,
        ["posted"] = MetricColumn.PostedAt,
        ["diambil"] = MetricColumn.TakenAt,
        ["takenat"] = MetricColumn.TakenAt,
        ["taken"] = MetricColumn.TakenAt,
        ["pengikut"] = MetricColumn.Followers,
        ["followers"] = MetricColumn.Followers,
        ["suka"] = MetricColumn.Likes,
        ["likes"] = MetricColumn.Likes,
        ["komentar"] = MetricColumn.Comments,
        ["comments"] = MetricColumn.Comments,
        ["dibagikan"] = MetricColumn.Shares,
        ["shares"] = MetricColumn.Shares,
        ["disimpan"] = MetricColumn.Saves,
        ["saves"] = MetricColumn.Saves,
        ["tayangan"] = MetricColumn.Views,
        ["views"] = MetricColumn.Views,
        ["produk"] = MetricColumn.Product,
        ["product"] = MetricColumn.Product,
    };

    /// The name the page shows for a column (the Indonesian header).
    public static string NameOf(MetricColumn column) => column switch
    {
        MetricColumn.Platform => "platform",
        MetricColumn.Handle => "akun",
        MetricColumn.Url => "url",
        MetricColumn.PostedAt => "diposting",
        MetricColumn.TakenAt => "diambil",
        MetricColumn.Followers => "pengikut",
        MetricColumn.Likes => "suka",
        MetricColumn.Comments => "komentar",
        MetricColumn.Shares => "dibagikan",
        MetricColumn.Saves => "disimpan",
        MetricColumn.Views => "tayangan",
        MetricColumn.Product => "produk",
        _ => column.ToString(),
    };

    /// What platforms write for a count they do not show.
    private static readonly HashSet<string> _hidden = new(StringComparer.OrdinalIgnoreCase)
    {
        "", "-", "–", "—", "-1", "n/a", "na", "null", "hidden", "private", "disembunyikan", "tersembunyi", "tidak ditampilkan", "privat",
    };

    private static readonly string[] _localFormats =
    [
        "yyyy-M-d H:mm", "yyyy-M-d H:mm:ss", "yyyy-M-d'T'H:mm", "yyyy-M-d'T'H:mm:ss", "yyyy-M-d H.mm", "yyyy-M-d H.mm.ss", "yyyy-M-d",
        "d/M/yyyy H:mm", "d/M/yyyy H:mm:ss", "d/M/yyyy H.mm", "d/M/yyyy H.mm.ss", "d/M/yyyy",
        "d-M-yyyy H:mm", "d-M-yyyy H:mm:ss", "d-M-yyyy H.mm", "d-M-yyyy H.mm.ss", "d-M-yyyy",
    ];

    private static readonly string[] _offsetFormats =
    [
        "yyyy-M-d'T'H:mmK", "yyyy-M-d'T'H:mm:ssK", "yyyy-M-d'T'H:mm:ss.FFFFFFFK", "yyyy-M-d H:mmK", "yyyy-M-d H:mm:ssK",
        "yyyy-M-d H:mm zzz", "yyyy-M-d H:mm:ss zzz", "d/M/yyyy H:mm zzz", "d/M/yyyy H:mm:ss zzz",
    ];

    private static readonly Encoding _strictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    [GeneratedRegex(@"\(.*?\)|[\s_\-.]", RegexOptions.CultureInvariant)]
    private static partial Regex HeaderNoise();

    /// Decodes the bytes, finds the separator from the header line, splits the records and
    /// matches the header to the columns. A file that cannot be read comes back with its problem.
    public static CsvFile Read(byte[] content)
    {
        if (content.Length == 0)
        {
            return Failed(ImportProblemKind.EmptyFile);
        }
        var (text, encoding) = Decode(content);
        if (text is null)
        {
            return Failed(ImportProblemKind.UnreadableEncoding, value: encoding);
        }
        var separator = DetectSeparator(text);
        var records = Split(text, separator);
        var (separatorName, numberFormat, thousands) = separator switch
        {
            ';' => (";", "1.234", "."),
            '\t' => ("Tab", "1.234 / 1,234", ".,"),
            _ => (",", "1,234", ","),
        };
        if (records.Count == 0)
        {
            return Failed(ImportProblemKind.EmptyFile, encoding, separatorName, numberFormat);
        }
        var header = records[0].Fields.Select(f => f.Trim()).ToList();
        var columns = new Dictionary<MetricColumn, int>();
        var unknown = new List<string>();
        for (var i = 0; i < header.Count; i++)
        {
            var key = HeaderNoise().Replace(header[i].ToLowerInvariant(), "");
            if (key.Length == 0 && header.Skip(i).All(h => h.Length == 0))
            {
                // Spreadsheets leave empty columns at the end.
                break;
            }
            if (_names.TryGetValue(key, out var column) && columns.TryAdd(column, i))
            {
                continue;
            }
            unknown.Add(header[i].Length == 0 ? $"#{i + 1}" : header[i]);
        }
        var missing = Required.Where(c => !columns.ContainsKey(c)).Select(NameOf).ToList();
        if (missing.Count > 0 || unknown.Count > 0)
        {
            return new CsvFile
            {
                Encoding = encoding,
                Separator = separatorName,
                NumberFormat = numberFormat,
                Header = header,
                Problem = new ImportProblem
                {
                    Line = 1,
                    Kind = missing.Count > 0 ? ImportProblemKind.MissingColumns : ImportProblemKind.UnknownColumns,
                    Severity = ProblemSeverity.Error,
                    // Column: the columns missing; Value: the ones not known.
                    Column = missing.Count > 0 ? string.Join(", ", missing) : null,
                    Value = unknown.Count > 0 ? Shown(string.Join(", ", unknown)) : null,
                },
            };
        }
        if (records.Count == 1)
        {
            return Failed(ImportProblemKind.EmptyFile, encoding, separatorName, numberFormat);
        }
        if (records.Count - 1 > MaxRows)
        {
            return Failed(ImportProblemKind.TooManyRows, encoding, separatorName, numberFormat,
                (records.Count - 1).ToString(CultureInfo.InvariantCulture));
        }
        return new CsvFile
        {
            Encoding = encoding,
            Separator = separatorName,
            NumberFormat = numberFormat,
            ThousandsSeparators = thousands,
            Header = header,
            Columns = columns,
            Records = records.Skip(1).ToList(),
        };
    }

    private static CsvFile Failed(ImportProblemKind kind, string? encoding = null, string? separator = null, string? numberFormat = null, string? value = null) => new()
    {
        Encoding = encoding,
        Separator = separator,
        NumberFormat = numberFormat,
        Problem = new ImportProblem { Line = 1, Kind = kind, Severity = ProblemSeverity.Error, Value = value },
    };

    /// UTF-8 and UTF-16 by their byte-order mark; UTF-8 without one when every byte sequence is
    /// valid UTF-8; otherwise Windows-1252, what Excel on Windows saves as "CSV". NUL bytes mean a
    /// workbook or UTF-16 without a mark: not readable as text (the name says what was seen).
    public static (string? Text, string Encoding) Decode(byte[] content)
    {
        ReadOnlySpan<byte> bytes = content;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            try
            {
                return (_strictUtf8.GetString(bytes[3..]), "UTF-8 (BOM)");
            }
            catch (DecoderFallbackException)
            {
                return (null, "UTF-8 (BOM)");
            }
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (Encoding.Unicode.GetString(bytes[2..]), "UTF-16 LE (BOM)");
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (Encoding.BigEndianUnicode.GetString(bytes[2..]), "UTF-16 BE (BOM)");
        }
        if (bytes.StartsWith("PK\u0003\u0004"u8))
        {
            return (null, "ZIP (Excel .xlsx?)");
        }
        if (bytes.Contains((byte)0))
        {
            return (null, "biner / UTF-16");
        }
        try
        {
            return (_strictUtf8.GetString(bytes), "UTF-8");
        }
        catch (DecoderFallbackException)
        {
            return (Windows1252.GetString(bytes), "Windows-1252");
        }
    }

    private static Encoding Windows1252 => CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    /// The separator used most in the header line (outside quotes): ';', ',' or a tab.
    public static char DetectSeparator(string text)
    {
        int semicolons = 0, commas = 0, tabs = 0;
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '\n' or '\r')
            {
                break;
            }
            else if (!quoted)
            {
                switch (c)
                {
                    case ';':
                        semicolons++;
                        break;
                    case ',':
                        commas++;
                        break;
                    case '\t':
                        tabs++;
                        break;
                }
            }
        }
        if (tabs > semicolons && tabs > commas)
        {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
    }

    /// RFC 4180 records: quoted fields may hold the separator, doubled quotes and line breaks;
    /// blank lines are skipped. Each record keeps the line it starts on.
    public static List<CsvRecord> Split(string text, char separator)
    {
        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        int line = 1, recordLine = 1, i = 0;
        var inQuotes = false;
        var fieldQuoted = false;
        while (i < text.Length)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i += 2;
                        continue;
                    }
                    inQuotes = false;
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }
                    field.Append(c);
                }
                i++;
                continue;
            }
            if (c == '"' && field.Length == 0 && !fieldQuoted)
            {
                inQuotes = true;
                fieldQuoted = true;
            }
            else if (c == separator)
            {
                fields.Add(field.ToString());
                field.Clear();
                fieldQuoted = false;
            }
            else if (c is '\r' or '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                fieldQuoted = false;
                Emit(records, recordLine, fields);
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
                line++;
                recordLine = line;
            }
            else
            {
                field.Append(c);
            }
            i++;
        }
        if (field.Length > 0 || fields.Count > 0 || fieldQuoted)
        {
            fields.Add(field.ToString());
            Emit(records, recordLine, fields);
        }
        return records;
    }

    private static void Emit(List<CsvRecord> records, int line, List<string> fields)
    {
        if (!fields.TrueForAll(string.IsNullOrWhiteSpace))
        {
            records.Add(new CsvRecord(line, [.. fields]));
        }
        fields.Clear();
    }

    /// Checks every row against the round. A row with an error is not imported; a row with only
    /// warnings is. The same post at the same time twice is imported once.
    public static ImportCheck Check(CsvFile file, ImportContext context)
    {
        var rows = new List<ImportRow>(file.Records.Count);
        var errors = new List<ImportProblem>();
        var warnings = new List<ImportProblem>();
        int badRows = 0, warningRows = 0;
        var seen = new HashSet<(int, SocialPlatform, string, DateTimeOffset)>();
        var urlOwners = new Dictionary<string, int>(StringComparer.Ordinal);
        var rowProblems = new List<ImportProblem>();
        foreach (var record in file.Records)
        {
            rowProblems.Clear();
            var row = CheckRow(file, context, record, rowProblems);
            if (row is not null)
            {
                if (!seen.Add((row.EntryId, row.Platform, row.UrlKey, row.TakenAt)))
                {
                    rowProblems.Add(Warning(record.Line, ImportProblemKind.DuplicateRow, null, null));
                    row = null;
                }
                else
                {
                    var sharedInFile = urlOwners.TryGetValue(row.UrlKey, out var owner) && owner != row.EntryId;
                    urlOwners.TryAdd(row.UrlKey, row.EntryId);
                    var sharedStored = context.StoredUrlOwners.TryGetValue(row.UrlKey, out var owners) && owners.Any(o => o != row.EntryId);
                    if (sharedInFile || sharedStored)
                    {
                        rowProblems.Add(Warning(record.Line, ImportProblemKind.SharedUrl, NameOf(MetricColumn.Url), row.Url));
                    }
                    rows.Add(row);
                }
            }
            if (rowProblems.Exists(p => p.Severity == ProblemSeverity.Error))
            {
                badRows++;
            }
            else if (rowProblems.Count > 0)
            {
                warningRows++;
            }
            foreach (var problem in rowProblems)
            {
                var list = problem.Severity == ProblemSeverity.Error ? errors : warnings;
                if (list.Count < MetricImport.MaxProblemsKept)
                {
                    list.Add(problem);
                }
            }
        }
        // Errors first: they are what staff must decide on.
        var kept = errors.Concat(warnings.Take(MetricImport.MaxProblemsKept - errors.Count)).OrderBy(p => p.Line).ThenBy(p => p.Severity).ToList();
        return new ImportCheck { Rows = rows, Problems = kept, TotalRows = file.Records.Count, BadRows = badRows, WarningRows = warningRows };
    }

    private static ImportRow? CheckRow(CsvFile file, ImportContext context, CsvRecord record, List<ImportProblem> problems)
    {
        var line = record.Line;
        var fields = record.Fields;
        if (fields.Count < file.Header.Count || fields.Skip(file.Header.Count).Any(f => !string.IsNullOrWhiteSpace(f)))
        {
            problems.Add(Error(line, ImportProblemKind.WrongFieldCount, null,
                string.Create(CultureInfo.InvariantCulture, $"{fields.Count}/{file.Header.Count}")));
            return null;
        }
        string? Value(MetricColumn column) => file.Columns.TryGetValue(column, out var index) ? fields[index].Trim() : null;

        SocialPlatform? platform = null;
        var platformText = Value(MetricColumn.Platform);
        if (string.IsNullOrEmpty(platformText))
        {
            problems.Add(Missing(line, MetricColumn.Platform));
        }
        else if (!SocialPlatforms.TryParse(platformText, out var parsed))
        {
            problems.Add(Error(line, ImportProblemKind.UnknownPlatform, MetricColumn.Platform, platformText));
        }
        else if (!context.Platforms.Contains(parsed))
        {
            problems.Add(Error(line, ImportProblemKind.PlatformNotCounted, MetricColumn.Platform, platformText));
        }
        else
        {
            platform = parsed;
        }

        ImportHandle? handle = null;
        var handleText = Value(MetricColumn.Handle);
        if (string.IsNullOrEmpty(handleText) || EntryHandle.KeyOf(handleText).Length == 0)
        {
            problems.Add(Missing(line, MetricColumn.Handle));
        }
        else if (platform is { } p)
        {
            if (!context.Handles.TryGetValue((p, EntryHandle.KeyOf(handleText)), out var found))
            {
                problems.Add(Error(line, ImportProblemKind.UnknownInfluencer, MetricColumn.Handle, handleText));
            }
            else if (!found.Approved)
            {
                problems.Add(Error(line, ImportProblemKind.InfluencerNotApproved, MetricColumn.Handle, handleText));
            }
            else
            {
                handle = found;
            }
        }

        string? urlKey = null;
        var url = Value(MetricColumn.Url);
        if (string.IsNullOrEmpty(url))
        {
            problems.Add(Missing(line, MetricColumn.Url));
        }
        else if (platform is { } p)
        {
            urlKey = SocialPlatforms.PostUrlKey(p, url);
            if (urlKey is null)
            {
                problems.Add(Error(line, ImportProblemKind.UrlNotOfPlatform, MetricColumn.Url, url));
            }
        }

        var postedAt = ReadDate(line, MetricColumn.PostedAt, Value(MetricColumn.PostedAt), problems);
        var takenAt = ReadDate(line, MetricColumn.TakenAt, Value(MetricColumn.TakenAt), problems);
        if (postedAt is { } posted && takenAt is { } taken && posted > taken)
        {
            problems.Add(Error(line, ImportProblemKind.PostedAfterSnapshot, MetricColumn.PostedAt, Value(MetricColumn.PostedAt)));
        }

        var followers = ReadCount(file, line, MetricColumn.Followers, Value(MetricColumn.Followers), problems);
        var likes = ReadCount(file, line, MetricColumn.Likes, Value(MetricColumn.Likes), problems);
        var comments = ReadCount(file, line, MetricColumn.Comments, Value(MetricColumn.Comments), problems);
        var shares = ReadCount(file, line, MetricColumn.Shares, Value(MetricColumn.Shares), problems);
        var saves = ReadCount(file, line, MetricColumn.Saves, Value(MetricColumn.Saves), problems);
        var views = ReadCount(file, line, MetricColumn.Views, Value(MetricColumn.Views), problems);

        int? productId = null;
        var product = Value(MetricColumn.Product);
        if (!string.IsNullOrEmpty(product))
        {
            if (context.ProductsBySlug.TryGetValue(product.ToLowerInvariant(), out var id))
            {
                productId = id;
            }
            else
            {
                problems.Add(Error(line, ImportProblemKind.UnknownProduct, MetricColumn.Product, product));
            }
        }

        if (problems.Exists(pr => pr.Severity == ProblemSeverity.Error) || handle is null || urlKey is null || postedAt is null || takenAt is null || platform is null)
        {
            return null;
        }
        if (!context.IsInWindow(postedAt.Value))
        {
            problems.Add(Warning(line, ImportProblemKind.OutsideWindow, NameOf(MetricColumn.PostedAt), Value(MetricColumn.PostedAt)));
        }
        else if (!context.IsInWindow(takenAt.Value))
        {
            problems.Add(Warning(line, ImportProblemKind.OutsideWindow, NameOf(MetricColumn.TakenAt), Value(MetricColumn.TakenAt)));
        }
        return new ImportRow(line, handle.EntryId, platform.Value, url!, urlKey, postedAt.Value, takenAt.Value, productId,
            followers.Value, likes.Value, comments.Value, shares.Value, saves.Value, views.Value);
    }

    private static DateTimeOffset? ReadDate(int line, MetricColumn column, string? text, List<ImportProblem> problems)
    {
        if (string.IsNullOrEmpty(text))
        {
            problems.Add(Missing(line, column));
            return null;
        }
        if (TryParseDate(text, out var instant))
        {
            return instant;
        }
        problems.Add(Error(line, ImportProblemKind.NotADate, column, text));
        return null;
    }

    /// "2027-01-12 14:30", "12/01/2027 14.30" (day first), with or without seconds, in WIB unless
    /// an offset is written ("2027-01-12T14:30:00+08:00", "…Z").
    public static bool TryParseDate(string text, out DateTimeOffset instant)
    {
        var trimmed = text.Trim();
        if (DateTime.TryParseExact(trimmed, _localFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowInnerWhite, out var local))
        {
            instant = new DateTimeOffset(local, Wib.Offset);
            return true;
        }
        return DateTimeOffset.TryParseExact(trimmed, _offsetFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowInnerWhite, out instant);
    }

    /// The count, or null when the platform hid it (warned). Value is false after an error.
    private static (bool Ok, int? Value) ReadCount(CsvFile file, int line, MetricColumn column, string? text, List<ImportProblem> problems)
    {
        if (text is null)
        {
            // An optional column the file does not have: not known.
            return (true, null);
        }
        var result = ParseCount(text, file.ThousandsSeparators);
        switch (result.Outcome)
        {
            case CountOutcome.Hidden:
                problems.Add(Warning(line, column == MetricColumn.Followers ? ImportProblemKind.FollowersZeroOrMissing : ImportProblemKind.CountHidden,
                    NameOf(column), text));
                return (true, null);
            case CountOutcome.Number:
                if (column == MetricColumn.Followers && result.Value == 0)
                {
                    problems.Add(Warning(line, ImportProblemKind.FollowersZeroOrMissing, NameOf(column), text));
                }
                return (true, result.Value);
            case CountOutcome.Negative:
                problems.Add(Error(line, ImportProblemKind.NegativeNumber, column, text));
                return (false, null);
            case CountOutcome.TooLarge:
                problems.Add(Error(line, ImportProblemKind.NumberTooLarge, column, text));
                return (false, null);
            default:
                problems.Add(Error(line, ImportProblemKind.NotANumber, column, text));
                return (false, null);
        }
    }

    public enum CountOutcome
    {
        Number = 1,
        Hidden = 2,
        NotANumber = 3,
        Negative = 4,
        TooLarge = 5,
    }

    /// A whole count as a spreadsheet writes it: "1234", "1.234" or "1.234.567" with the file's
    /// thousands separator, spaces between groups allowed. Empty, a dash, "-1", "n/a" and "hidden" /
    /// "disembunyikan" / "tersembunyi" (and the other words in <see cref="_hidden"/>) are a count the
    /// platform hid.
    public static (CountOutcome Outcome, int Value) ParseCount(string text, string thousandsSeparators)
    {
        var compact = text.Trim().Replace(" ", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal).Replace("\u202F", "", StringComparison.Ordinal);
        if (_hidden.Contains(compact))
        {
            return (CountOutcome.Hidden, 0);
        }
        var negative = compact.StartsWith('-');
        var body = negative ? compact[1..] : compact;
        if (!IsWholeNumber(body, thousandsSeparators))
        {
            return (CountOutcome.NotANumber, 0);
        }
        if (negative)
        {
            return (CountOutcome.Negative, 0);
        }
        var digits = new string([.. body.Where(char.IsAsciiDigit)]);
        if (digits.TrimStart('0').Length > 10 || !long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > int.MaxValue)
        {
            return (CountOutcome.TooLarge, 0);
        }
        return (CountOutcome.Number, (int)value);
    }

    private static bool IsWholeNumber(string body, string thousandsSeparators)
    {
        if (body.Length == 0)
        {
            return false;
        }
        if (body.All(char.IsAsciiDigit))
        {
            return true;
        }
        var separator = body.FirstOrDefault(c => !char.IsAsciiDigit(c));
        if (!thousandsSeparators.Contains(separator, StringComparison.Ordinal))
        {
            return false;
        }
        var groups = body.Split(separator);
        return groups[0].Length is >= 1 and <= 3 && groups[0].All(char.IsAsciiDigit)
            && groups.Skip(1).All(g => g.Length == 3 && g.All(char.IsAsciiDigit));
    }

    private static ImportProblem Missing(int line, MetricColumn column) => Error(line, ImportProblemKind.MissingValue, column, null);

    private static ImportProblem Error(int line, ImportProblemKind kind, MetricColumn? column, string? value) =>
        new() { Line = line, Kind = kind, Severity = ProblemSeverity.Error, Column = column is { } c ? NameOf(c) : null, Value = Shown(value) };

    private static ImportProblem Warning(int line, ImportProblemKind kind, string? column, string? value) =>
        new() { Line = line, Kind = kind, Severity = ProblemSeverity.Warning, Column = column, Value = Shown(value) };

    private static string? Shown(string? value) => value is null ? null : value.Length > ValueShownLength ? value[..ValueShownLength] + "…" : value;
}
