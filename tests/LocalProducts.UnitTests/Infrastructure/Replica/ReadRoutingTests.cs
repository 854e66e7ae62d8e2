using System.Security.Claims;
using LocalProducts.Web.Infrastructure.Replica;
using Microsoft.AspNetCore.Http;

namespace LocalProducts.UnitTests.Infrastructure.Replica;

public sealed class ReadRoutingTests
{
    [Fact]
    public void AnonymousGet_WithAUsableReplica_ReadsTheReplica() =>
        Assert.True(Routing(usable: true).ReadsFromReplica(Request("GET")));

    [Fact]
    public void AnonymousHead_ReadsTheReplica() =>
        Assert.True(Routing(usable: true).ReadsFromReplica(Request("HEAD")));

    [Fact]
    public void Post_ReadsThePrimary() =>
        Assert.False(Routing(usable: true).ReadsFromReplica(Request("POST")));

    [Fact]
    public void SignedIn_ReadsThePrimary() =>
        Assert.False(Routing(usable: true).ReadsFromReplica(Request("GET", signedIn: true)));

    [Fact]
    public void AfterOwnWrite_ReadsThePrimary() =>
        Assert.False(Routing(usable: true).ReadsFromReplica(Request("GET", cookie: $"{ReadRouting.OwnWriteCookie}=1")));

    [Fact]
    public void ReplicaDownOrBehind_ReadsThePrimary() =>
        Assert.False(Routing(usable: false).ReadsFromReplica(Request("GET")));

    [Fact]
    public void Decision_IsKeptForTheWholeRequest()
    {
        var health = new ReplicaHealth();
        health.Set(new ReplicaState(true, "lag 0.0 s", TimeSpan.Zero));
        var routing = new ReadRouting(health);
        var request = Request("GET");
        Assert.True(routing.ReadsFromReplica(request));

        health.Set(new ReplicaState(false, "unreachable", null));

        Assert.True(routing.ReadsFromReplica(request));
        Assert.False(routing.ReadsFromReplica(Request("GET")));
    }

    private static ReadRouting Routing(bool usable)
    {
        var health = new ReplicaHealth();
        health.Set(new ReplicaState(usable, usable ? "lag 0.0 s" : "unreachable", null));
        return new ReadRouting(health);
    }

    private static DefaultHttpContext Request(string method, bool signedIn = false, string? cookie = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        if (signedIn)
        {
            context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "pemilik")], "Identity.Application"));
        }
        if (cookie is not null)
        {
            context.Request.Headers.Cookie = cookie;
        }
        return context;
    }
}
