using System.Security.Claims;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace LocalProducts.UnitTests.Infrastructure.Authorization;

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
