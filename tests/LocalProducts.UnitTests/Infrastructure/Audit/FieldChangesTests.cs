using System.Text.Json;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure.Audit;

namespace LocalProducts.UnitTests.Infrastructure.Audit;

public sealed class FieldChangesTests
{
    [Fact]
    public void Diff_KeepsOnlyRealChanges_AndTreatsEmptyTextAsNone()
    {
        var changes = FieldChanges.Diff(
        [
            new("Name", "Kopi A", "Kopi B"),
            new("Unit", "pcs", "pcs"),
            new("Sentra", null, ""),
            new("PriceMin", 25_000L, 25_000L),
            new("PriceMax", null, 40_000L),
        ]);

        Assert.Equal(["Name", "PriceMax"], changes.Select(c => c.Field));
    }

    [Fact]
    public void ToJson_WritesOldAndNew_WithEnumsByName_DatesAsIso_AndDetails()
    {
        var json = FieldChanges.ToJson(
            [
                new("State", ProductState.PendingReview, ProductState.Published),
                new("ExpiresOn", null, new DateOnly(2027, 1, 31)),
                new("TkdnPercent", 40.5m, 45m),
            ],
            new Dictionary<string, object?> { ["reason"] = "Foto <script>" });

        using var document = JsonDocument.Parse(json!);
        var root = document.RootElement;
        Assert.Equal("PendingReview", root.GetProperty("State").GetProperty("old").GetString());
        Assert.Equal("Published", root.GetProperty("State").GetProperty("new").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("ExpiresOn").GetProperty("old").ValueKind);
        Assert.Equal("2027-01-31", root.GetProperty("ExpiresOn").GetProperty("new").GetString());
        Assert.Equal(45m, root.GetProperty("TkdnPercent").GetProperty("new").GetDecimal());
        Assert.Equal("Foto <script>", root.GetProperty("reason").GetString());
    }

    [Fact]
    public void ToJson_NothingChanged_IsNull() => Assert.Null(FieldChanges.ToJson([]));

    [Fact]
    public void Read_GivesTheLinesAViewerShows()
    {
        var lines = FieldChanges.Read(FieldChanges.ToJson([new("Name", "A", "B")], new Dictionary<string, object?> { ["reason"] = "r" }));

        Assert.Equal([("Name", "A", "B", true), ("reason", null, "r", false)], lines);
    }
}
