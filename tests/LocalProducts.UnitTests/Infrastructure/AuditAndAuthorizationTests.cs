using System.Security.Claims;
using System.Text.Json;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure.Audit;
using LocalProducts.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace LocalProducts.UnitTests.Infrastructure;

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

public sealed class ResourceAuthorizationTests
{
    private static readonly Guid _owner = Guid.NewGuid();

    [Fact]
    public async Task Ikm_Edit_ByItsOwner_Succeeds() =>
        Assert.True(await AllowsAsync(new IkmAuthorizationHandler(), User(_owner, Roles.IkmOwner), IkmOf(_owner), Operations.Edit));

    [Fact]
    public async Task Ikm_Edit_ByAnotherOwner_Fails() =>
        Assert.False(await AllowsAsync(new IkmAuthorizationHandler(), User(Guid.NewGuid(), Roles.IkmOwner), IkmOf(_owner), Operations.Edit));

    [Fact]
    public async Task Ikm_Edit_ByTheOwnersIdWithoutTheRole_Fails() =>
        Assert.False(await AllowsAsync(new IkmAuthorizationHandler(), User(_owner, Roles.Staff), IkmOf(_owner), Operations.Edit));

    [Fact]
    public async Task Ikm_WithoutOwner_NoOwnerMayEdit() =>
        Assert.False(await AllowsAsync(new IkmAuthorizationHandler(), User(_owner, Roles.IkmOwner), IkmOf(null), Operations.Edit));

    [Fact]
    public async Task Ikm_Moderate_OnlyStaffAndAdmin()
    {
        Assert.True(await AllowsAsync(new IkmAuthorizationHandler(), User(Guid.NewGuid(), Roles.Staff), IkmOf(_owner), Operations.Moderate));
        Assert.True(await AllowsAsync(new IkmAuthorizationHandler(), User(Guid.NewGuid(), Roles.Admin), IkmOf(_owner), Operations.Moderate));
        Assert.False(await AllowsAsync(new IkmAuthorizationHandler(), User(_owner, Roles.IkmOwner), IkmOf(_owner), Operations.Moderate));
    }

    [Fact]
    public async Task Product_WithoutItsIkmLoaded_NothingIsAllowed()
    {
        var product = new Product { Slug = "p", Name = "P" };

        Assert.False(await AllowsAsync(new ProductAuthorizationHandler(), User(_owner, Roles.IkmOwner), product, Operations.Edit));
    }

    [Fact]
    public async Task Staff_MayNotEditOwnersListingsAsOwners() =>
        Assert.False(await AllowsAsync(new ProductAuthorizationHandler(), User(Guid.NewGuid(), Roles.Staff), new Product { Slug = "p", Name = "P" }, Operations.Delete));

    private static ClaimsPrincipal User(Guid id, string role) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, id.ToString()), new Claim(ClaimTypes.Role, role)], "test"));

    private static Ikm IkmOf(Guid? owner) => new() { Slug = "i", Name = "I", Nib = "9120001000001", ProvinceCode = "51", RegencyCode = "51.06", OwnerId = owner };

    private static async Task<bool> AllowsAsync(IAuthorizationHandler handler, ClaimsPrincipal user, object resource, OperationAuthorizationRequirement operation)
    {
        var context = new AuthorizationHandlerContext([operation], user, resource);
        await handler.HandleAsync(context);
        return context.HasSucceeded;
    }
}
