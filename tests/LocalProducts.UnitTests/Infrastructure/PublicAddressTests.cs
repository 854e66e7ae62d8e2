using LocalProducts.Web.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace LocalProducts.UnitTests.Infrastructure;

public sealed class PublicAddressTests
{
    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "LocalProducts.Web";
        public string ContentRootPath { get; set; } = "/";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    private static PublicAddress From(string? publicUrl, string environment) =>
        PublicAddress.From(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Site:PublicUrl"] = publicUrl }).Build(),
            new Environment(environment));

    [Theory]
    [InlineData("https://melokal.kemenperin.go.id", "/akun/masuk", "https://melokal.kemenperin.go.id/akun/masuk")]
    [InlineData("https://melokal.kemenperin.go.id/", "produk/kopi", "https://melokal.kemenperin.go.id/produk/kopi")]
    [InlineData("http://127.0.0.1:5090", "/sitemap.xml", "http://127.0.0.1:5090/sitemap.xml")]
    public void Absolute_JoinsTheConfiguredOriginAndThePath(string configured, string path, string absolute) =>
        Assert.Equal(absolute, From(configured, "Production").Absolute(path));

    [Fact]
    public void From_Development_WithoutASetting_IsWhatDotnetRunServes() =>
        Assert.Equal("http://localhost:5080", From(null, "Development").Origin);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("melokal.kemenperin.go.id")]
    public void From_Production_WithoutAnAbsoluteAddress_RefusesToStart(string? configured) =>
        Assert.Throws<PublicAddressMissingException>(() => From(configured, "Production"));

    [Theory]
    [InlineData("https://melokal.kemenperin.go.id/situs")]
    [InlineData("https://user:pass@melokal.kemenperin.go.id")]
    [InlineData("ftp://melokal.kemenperin.go.id")]
    public void From_AnAddressThatIsNotAnOrigin_IsRefused(string configured) =>
        Assert.ThrowsAny<ArgumentException>(() => From(configured, "Production"));

    [Fact]
    public void Host_IsWhatAllowedHostsNeeds() => Assert.Equal("melokal.kemenperin.go.id", From("https://melokal.kemenperin.go.id:8443", "Production").Host);
}
