using System.Net;
using LocalProducts.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace LocalProducts.UnitTests.Infrastructure;

public sealed class SiteSecurityTests
{
    [Fact]
    public void KnownProxiesAndNetworks_ComeFromTheSettings_AndReplaceLoopback()
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["KnownProxies:0"] = "10.0.0.5",
            ["KnownNetworks:0"] = "10.1.0.0/16",
            ["ForwardLimit"] = "2",
        }).Build();
        var options = new ForwardedHeadersOptions();

        SiteSecurity.ConfigureForwardedHeaders(options, settings);

        Assert.Equal([IPAddress.Parse("10.0.0.5")], options.KnownProxies);
        Assert.Equal([System.Net.IPNetwork.Parse("10.1.0.0/16")], options.KnownIPNetworks);
        Assert.Equal(2, options.ForwardLimit);
    }

    [Fact]
    public void NoProxyInTheSettings_BelievesLoopbackOnly()
    {
        var options = new ForwardedHeadersOptions();

        SiteSecurity.ConfigureForwardedHeaders(options, new ConfigurationBuilder().Build());

        Assert.Contains(options.KnownIPNetworks, network => network.Contains(IPAddress.Loopback));
        Assert.DoesNotContain(options.KnownIPNetworks, network => network.Contains(IPAddress.Parse("10.0.0.5")));
        Assert.Equal(1, options.ForwardLimit);
    }
}
