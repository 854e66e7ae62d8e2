using System.Globalization;
using System.Text;
using System.Text.Json;

namespace LocalProducts.Web.Infrastructure.Audit;

/// One field of an entity before and after a change; Old is null for a new row, New for a deleted one.
public sealed record FieldChange(string Field, object? Old, object? New);

/// The changed fields of an audit entry and their JSON: {"Name": {"old": "A", "new": "B"}, "reason": "…"}.
public static class FieldChanges
{
    /// Only the fields whose value really changed; an empty text and no text count as the same.
    public static IReadOnlyList<FieldChange> Diff(IEnumerable<FieldChange> candidates) =>
        [.. candidates.Where(c => !SameValue(c.Old, c.New))];

    public static bool SameValue(object? a, object? b) => Equals(Normalize(a), Normalize(b));

    public static string? ToJson(IReadOnlyList<FieldChange> changes, IReadOnlyDictionary<string, object?>? details = null)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0 && (details is null || details.Count == 0))
        {
            return null;
        }
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var change in changes)
            {
                json.WritePropertyName(change.Field);
                json.WriteStartObject();
                json.WritePropertyName("old");
                WriteValue(json, change.Old);
                json.WritePropertyName("new");
                WriteValue(json, change.New);
                json.WriteEndObject();
            }
            foreach (var (key, value) in details ?? new Dictionary<string, object?>())
            {
                json.WritePropertyName(key);
                WriteValue(json, value);
            }
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// The lines an audit viewer shows: "Name: A → B", "reason: …".
    public static IReadOnlyList<(string Field, string? Old, string? New, bool IsChange)> Read(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }
        using var document = JsonDocument.Parse(json);
        var lines = new List<(string, string?, string?, bool)>();
        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Object
                && property.Value.TryGetProperty("old", out var old) && property.Value.TryGetProperty("new", out var @new))
            {
                lines.Add((property.Name, Text(old), Text(@new), true));
            }
            else
            {
                lines.Add((property.Name, null, Text(property.Value), false));
            }
        }
        return lines;
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.GetString(),
        _ => value.GetRawText(),
    };

    private static object? Normalize(object? value) => value is string { Length: 0 } ? null : value;

    private static void WriteValue(Utf8JsonWriter json, object? value)
    {
        switch (Normalize(value))
        {
            case null:
                json.WriteNullValue();
                break;
            case string s:
                json.WriteStringValue(s);
                break;
            case bool b:
                json.WriteBooleanValue(b);
                break;
            case Enum e:
                json.WriteStringValue(e.ToString());
                break;
            case int or long or short or uint or ulong or byte:
                json.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case decimal d:
                json.WriteNumberValue(d);
                break;
            case double d:
                json.WriteNumberValue(d);
                break;
            case DateOnly day:
                json.WriteStringValue(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case DateTimeOffset instant:
                json.WriteStringValue(instant.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
                break;
            case DateTime time:
                json.WriteStringValue(time.ToString("O", CultureInfo.InvariantCulture));
                break;
            default:
                json.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }
}
