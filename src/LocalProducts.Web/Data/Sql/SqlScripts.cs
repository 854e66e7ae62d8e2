using System.Globalization;
using System.Text.RegularExpressions;
using LocalProducts.Web.Domain;

namespace LocalProducts.Web.Data.Sql;

/// The current version of each database function, trigger and view that search relies on, one
/// file each in Data/Sql (embedded in the assembly), so it is read in one place instead of diffed
/// across migrations. Each file can be applied again and again (CREATE OR REPLACE, DROP … IF
/// EXISTS then CREATE); a migration that changes one applies its file.
///
/// Enum values are written in the files as <c>{{ProductState.Published}}</c> (any enum of
/// Domain/) and replaced by their numbers as stored, so the SQL cannot drift from the
/// C#. An unknown placeholder throws: a typo must not reach the database as text.
public static partial class SqlScripts
{
    private const string ResourcePrefix = "LocalProducts.Web.Data.Sql.";

    private static readonly Dictionary<string, Type> _enums = typeof(ProductState).Assembly.GetTypes()
        .Where(t => t.IsEnum && t.Namespace == typeof(ProductState).Namespace)
        .ToDictionary(t => t.Name, StringComparer.Ordinal);

    /// The names of the files (without .sql).
    public static IReadOnlyList<string> Names { get; } = typeof(SqlScripts).Assembly.GetManifestResourceNames()
        .Where(r => r.StartsWith(ResourcePrefix, StringComparison.Ordinal) && r.EndsWith(".sql", StringComparison.Ordinal))
        .Select(r => r[ResourcePrefix.Length..^".sql".Length])
        .Order(StringComparer.Ordinal)
        .ToList();

    /// The file Data/Sql/<paramref name="name"/>.sql with its placeholders replaced.
    public static string Read(string name)
    {
        using var stream = typeof(SqlScripts).Assembly.GetManifestResourceStream($"{ResourcePrefix}{name}.sql")
            ?? throw new ArgumentException($"There is no Data/Sql/{name}.sql.", nameof(name));
        using var reader = new StreamReader(stream);
        return ReplacePlaceholders(reader.ReadToEnd());
    }

    /// Replaces each <c>{{Enum.Member}}</c> by the member's number.
    public static string ReplacePlaceholders(string sql)
    {
        var replaced = Placeholder().Replace(sql, match => EnumNumber(match.Groups[1].Value, match.Groups[2].Value, match.Value));
        // What is left looks like a placeholder but is not one ({{ProductState}}, {{ Product.Published }}).
        var leftOver = replaced.IndexOf("{{", StringComparison.Ordinal);
        if (leftOver >= 0)
        {
            var end = replaced.IndexOf("}}", leftOver, StringComparison.Ordinal);
            throw new InvalidOperationException(
                $"Unknown placeholder {replaced[leftOver..(end < 0 ? replaced.Length : end + 2)]}: write {{{{Enum.Member}}}} with an enum of Domain.");
        }
        return replaced;
    }

    private static string EnumNumber(string enumName, string member, string placeholder)
    {
        // Members by name only: Enum.Parse would also take a number ("{{ProductState.2}}").
        if (!_enums.TryGetValue(enumName, out var type) || !Enum.GetNames(type).Contains(member, StringComparer.Ordinal))
        {
            throw new InvalidOperationException($"Unknown placeholder {placeholder}: no enum {enumName} with a member {member} in Domain.");
        }
        return Convert.ToInt64(Enum.Parse(type, member), CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"\{\{(\w+)\.(\w+)\}\}")]
    private static partial Regex Placeholder();
}
