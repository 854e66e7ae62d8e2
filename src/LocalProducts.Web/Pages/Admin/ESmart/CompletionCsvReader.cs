using System.Text.RegularExpressions;
using LocalProducts.Web.Pages.Admin.Melokal.MetricImports;

namespace LocalProducts.Web.Pages.Admin.ESmart;

public enum CompletionCsvProblemKind
{
    EmptyFile = 1,
    UnreadableEncoding,
    MissingColumns,
    UnknownColumns,
    TooManyRows,
    WrongFieldCount,
    MissingIkm,
    UnknownIkm,
    NotAccepted,
    MissingModule,
    UnknownModule,
}

/// A problem of a completions file, on its line (1 is the header).
public sealed record CompletionCsvProblem(int Line, CompletionCsvProblemKind Kind, string? Value);

/// A participant of the cohort as a file may name it: by NIB or IKM slug.
public sealed record CsvParticipant(int ApplicationId, bool HoldsSeat);

public sealed record CompletionCsvResult(IReadOnlyList<(int ApplicationId, int ModuleId)> Done, IReadOnlyList<CompletionCsvProblem> Problems, string? Encoding);

/// Reads staff's CSV of completed modules, one row per IKM and module: columns "nib" or "ikm"
/// (the IKM's slug) and "modul" (the module's Indonesian or English name). Decoding, separator
/// detection and record splitting are the metric import's (<see cref="MetricCsvReader"/>). Pure.
public static partial class CompletionCsvReader
{
    public const int MaxRows = 20_000;
    public const int MaxProblemsShown = 100;
    private const int ValueShownLength = 80;

    [GeneratedRegex(@"\(.*?\)|[\s_\-.]", RegexOptions.CultureInvariant)]
    private static partial Regex HeaderNoise();

    private enum Column
    {
        Nib,
        Ikm,
        Module,
    }

    private static readonly Dictionary<string, Column> _names = new(StringComparer.Ordinal)
    {
        ["nib"] = Column.Nib,
        ["ikm"] = Column.Ikm,
        ["slug"] = Column.Ikm,
        ["ikmslug"] = Column.Ikm,
        ["modul"] = Column.Module,
        ["module"] = Column.Module,
        ["namamodul"] = Column.Module,
    };

    /// The Indonesian message (a localizer key) of a problem: {0} is the line, {1} the value.
    public static string MessageOf(CompletionCsvProblemKind kind) => kind switch
    {
        CompletionCsvProblemKind.EmptyFile => "Berkas kosong atau hanya berisi judul kolom.",
        CompletionCsvProblemKind.UnreadableEncoding => "Berkas tidak terbaca sebagai teks CSV ({1}). Simpan sebagai CSV UTF-8.",
        CompletionCsvProblemKind.MissingColumns => "Baris {0}: kolom wajib tidak ada: {1}. Pakai kolom \"nib\" atau \"ikm\" dan \"modul\".",
        CompletionCsvProblemKind.UnknownColumns => "Baris {0}: kolom tidak dikenal: {1}.",
        CompletionCsvProblemKind.TooManyRows => "Berkas terlalu besar: {1} baris.",
        CompletionCsvProblemKind.WrongFieldCount => "Baris {0}: jumlah kolom tidak sesuai judul ({1}).",
        CompletionCsvProblemKind.MissingIkm => "Baris {0}: NIB atau IKM kosong.",
        CompletionCsvProblemKind.UnknownIkm => "Baris {0}: IKM \"{1}\" tidak ada di kelas ini.",
        CompletionCsvProblemKind.NotAccepted => "Baris {0}: IKM \"{1}\" belum diterima di kelas ini.",
        CompletionCsvProblemKind.MissingModule => "Baris {0}: modul kosong.",
        _ => "Baris {0}: modul \"{1}\" tidak ada di kelas ini.",
    };

    /// <param name="content">The uploaded file.</param>
    /// <param name="participants">The cohort's applications by NIB and by slug (lower case).</param>
    /// <param name="modules">The cohort's module ids by Indonesian and English name (lower case).</param>
    public static CompletionCsvResult Read(byte[] content, IReadOnlyDictionary<string, CsvParticipant> participants, IReadOnlyDictionary<string, int> modules)
    {
        if (content.Length == 0)
        {
            return Failed(CompletionCsvProblemKind.EmptyFile, null, null);
        }
        var (text, encoding) = MetricCsvReader.Decode(content);
        if (text is null)
        {
            return Failed(CompletionCsvProblemKind.UnreadableEncoding, encoding, encoding);
        }
        var records = MetricCsvReader.Split(text, MetricCsvReader.DetectSeparator(text));
        if (records.Count < 2)
        {
            return Failed(CompletionCsvProblemKind.EmptyFile, null, encoding);
        }
        if (records.Count - 1 > MaxRows)
        {
            return Failed(CompletionCsvProblemKind.TooManyRows, (records.Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), encoding);
        }
        var header = records[0].Fields.Select(f => f.Trim()).ToList();
        while (header.Count > 0 && header[^1].Length == 0)
        {
            // Spreadsheets leave empty columns at the end.
            header.RemoveAt(header.Count - 1);
        }
        var columns = new Dictionary<Column, int>();
        var unknown = new List<string>();
        for (var i = 0; i < header.Count; i++)
        {
            var key = HeaderNoise().Replace(header[i].ToLowerInvariant(), "");
            if (!(_names.TryGetValue(key, out var column) && columns.TryAdd(column, i)))
            {
                unknown.Add(header[i].Length == 0 ? $"#{i + 1}" : header[i]);
            }
        }
        var missing = new List<string>();
        if (!columns.ContainsKey(Column.Nib) && !columns.ContainsKey(Column.Ikm))
        {
            missing.Add("nib / ikm");
        }
        if (!columns.ContainsKey(Column.Module))
        {
            missing.Add("modul");
        }
        if (missing.Count > 0)
        {
            return Failed(CompletionCsvProblemKind.MissingColumns, string.Join(", ", missing), encoding);
        }
        if (unknown.Count > 0)
        {
            return Failed(CompletionCsvProblemKind.UnknownColumns, Shown(string.Join(", ", unknown)), encoding);
        }

        var done = new List<(int, int)>();
        var problems = new List<CompletionCsvProblem>();
        foreach (var record in records.Skip(1))
        {
            var fields = record.Fields;
            if (fields.Count < header.Count || fields.Skip(header.Count).Any(f => !string.IsNullOrWhiteSpace(f)))
            {
                problems.Add(new(record.Line, CompletionCsvProblemKind.WrongFieldCount, $"{fields.Count}/{header.Count}"));
                continue;
            }
            string Value(Column column) => columns.TryGetValue(column, out var index) ? fields[index].Trim() : "";
            var ikm = Value(Column.Nib) is { Length: > 0 } nib ? nib : Value(Column.Ikm);
            CsvParticipant? participant = null;
            if (ikm.Length == 0)
            {
                problems.Add(new(record.Line, CompletionCsvProblemKind.MissingIkm, null));
            }
            else if (!participants.TryGetValue(ikm.ToLowerInvariant(), out participant))
            {
                problems.Add(new(record.Line, CompletionCsvProblemKind.UnknownIkm, Shown(ikm)));
            }
            else if (!participant.HoldsSeat)
            {
                problems.Add(new(record.Line, CompletionCsvProblemKind.NotAccepted, Shown(ikm)));
                participant = null;
            }
            var moduleName = Value(Column.Module);
            int? moduleId = null;
            if (moduleName.Length == 0)
            {
                problems.Add(new(record.Line, CompletionCsvProblemKind.MissingModule, null));
            }
            else if (modules.TryGetValue(moduleName.ToLowerInvariant(), out var id))
            {
                moduleId = id;
            }
            else
            {
                problems.Add(new(record.Line, CompletionCsvProblemKind.UnknownModule, Shown(moduleName)));
            }
            if (participant is not null && moduleId is { } found)
            {
                done.Add((participant.ApplicationId, found));
            }
        }
        return new CompletionCsvResult(done, problems, encoding);
    }

    private static CompletionCsvResult Failed(CompletionCsvProblemKind kind, string? value, string? encoding) =>
        new([], [new CompletionCsvProblem(1, kind, value)], encoding);

    private static string Shown(string value) => value.Length > ValueShownLength ? value[..ValueShownLength] + "…" : value;
}
