using System.Xml;
using System.Xml.Linq;
using LocalProducts.Web.Pages.Products;

namespace LocalProducts.UnitTests.Pages.Products;

/// The drawings are static files every card may load: small, plain SVG, nothing that runs or fetches.
public sealed class IllustrationFilesTests
{
    public static TheoryData<string> Files() => [.. Directory.EnumerateFiles(IllustrationFiles.Folder(), "*.svg").Select(f => Path.GetFileName(f)).Order()];

    [Fact]
    public void TheFolder_HoldsAtLeastSixtyDrawings_EachOfAKind()
    {
        var files = Directory.EnumerateFiles(IllustrationFiles.Folder(), "*.svg").Select(Path.GetFileNameWithoutExtension).ToList();

        Assert.True(files.Count >= 60, $"{files.Count} drawings");
        Assert.Empty(files.Except(ProductIllustration.Kinds.Select(k => k.Slug)));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void EachDrawing_IsSmallPlainSvg(string file)
    {
        var path = Path.Combine(IllustrationFiles.Folder(), file);
        Assert.True(new FileInfo(path).Length < 3 * 1024, $"{file} is {new FileInfo(path).Length} bytes");

        var svg = XDocument.Load(XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit })).Root!;
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(ns + "svg", svg.Name);
        Assert.Equal("0 0 400 300", svg.Attribute("viewBox")?.Value);

        var elements = svg.DescendantsAndSelf().ToList();
        Assert.DoesNotContain(elements, e => e.Name.LocalName is "script" or "foreignObject" or "text" or "image" or "use" or "style");
        var attributes = elements.SelectMany(e => e.Attributes()).Where(a => !a.IsNamespaceDeclaration).ToList();
        Assert.DoesNotContain(attributes, a => a.Name.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(attributes, a => a.Name.LocalName == "href" && !a.Value.StartsWith('#'));
        Assert.All(attributes.Where(a => a.Value.Contains("url(", StringComparison.Ordinal)), a => Assert.StartsWith("url(#", a.Value, StringComparison.Ordinal));
    }
}
