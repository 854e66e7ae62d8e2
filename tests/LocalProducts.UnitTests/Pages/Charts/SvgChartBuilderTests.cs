using System.Globalization;
using System.Xml.Linq;
using LocalProducts.Web.Pages.Charts;

namespace LocalProducts.UnitTests.Pages.Charts;

public sealed class SvgChartBuilderTests
{
    private static readonly XNamespace _svg = "http://www.w3.org/2000/svg";

    private static readonly string[] _months = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun"];

    private static Chart Line(params ChartSeries[] series) =>
        new("penjualan", "Penjualan per bulan", "Naik 57 % selama kampanye.", ChartShape.Line, ChartValueKind.Rupiah, _months, series);

    private static XElement Parse(Chart chart, string nullLabel = "disembunyikan") =>
        XElement.Parse(SvgChartBuilder.Build(chart, nullLabel));

    private static double Number(XElement element, string attribute) =>
        double.Parse(element.Attribute(attribute)!.Value, CultureInfo.InvariantCulture);

    [Fact]
    public void Build_IsWellFormedSvg_WithTitleDescAndViewBox()
    {
        var svg = Parse(Line(new ChartSeries("Kopi", [100, 200, 300, 400, 500, 600])));

        Assert.Equal(_svg + "svg", svg.Name);
        Assert.Equal("img", svg.Attribute("role")!.Value);
        Assert.StartsWith("0 0 360 ", svg.Attribute("viewBox")!.Value, StringComparison.Ordinal);
        Assert.Null(svg.Attribute("width"));
        Assert.Equal("penjualan-svg-title", svg.Attribute("aria-labelledby")!.Value);
        Assert.Equal("Penjualan per bulan", svg.Element(_svg + "title")!.Value);
        Assert.Equal("Naik 57 % selama kampanye.", svg.Element(_svg + "desc")!.Value);
    }

    [Fact]
    public void Build_Axis_ShowsRoundTicksInRupiah()
    {
        var svg = Parse(Line(new ChartSeries("Kopi", [350_000, 1_180_000, 900_000, 600_000, 700_000, 800_000])));

        var ticks = svg.Descendants(_svg + "g").Single(g => (string?)g.Attribute("class") == "chart-axis").Elements(_svg + "text").Select(t => t.Value);
        Assert.Equal(["Rp 0", "Rp 500 rb", "Rp 1 jt", "Rp 1,5 jt"], ticks);
    }

    [Fact]
    public void Build_Line_Scales_HigherValueIsHigherUp_AndTopTickIsThePlotTop()
    {
        var svg = Parse(Line(new ChartSeries("Kopi", [0, 500_000, 1_000_000, 1_500_000, 750_000, 250_000])));

        var markers = svg.Descendants(_svg + "circle").Where(c => c.Parent!.Attribute("class")?.Value == "chart-series").Select(c => Number(c, "cy")).ToList();
        Assert.Equal(6, markers.Count);
        Assert.True(markers[0] > markers[1] && markers[1] > markers[2] && markers[2] > markers[3]);
        // 0 at the bottom and 1,5 jt at the top of a 170-unit plot; 750 rb halfway.
        Assert.Equal(170, markers[0] - markers[3], 1);
        Assert.Equal((markers[0] + markers[3]) / 2, markers[4], 1);
    }

    [Fact]
    public void Build_Line_NullBreaksTheLine_AndMarksTheGap()
    {
        var svg = Parse(Line(new ChartSeries("Kopi", [100, 200, null, 400, 500, 600])));

        var series = svg.Descendants(_svg + "g").Single(g => (string?)g.Attribute("class") == "chart-series");
        var path = series.Element(_svg + "path")!.Attribute("d")!.Value;
        Assert.Equal(2, path.Count(c => c == 'M'));
        Assert.Equal(5, series.Elements(_svg + "circle").Count());
        Assert.Single(series.Elements(_svg + "path"), p => (string?)p.Attribute("class") == "chart-withheld");
        Assert.Contains(svg.Descendants(_svg + "text"), t => t.Value == "disembunyikan");
    }

    [Fact]
    public void Build_NotANumber_IsDrawnAsWithheld_NeverWrittenAsNaN()
    {
        var markup = SvgChartBuilder.Build(Line(new ChartSeries("Kopi", [1, double.NaN, 3, double.PositiveInfinity, 5, 6])), "disembunyikan");

        Assert.DoesNotContain("NaN", markup, StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", markup, StringComparison.Ordinal);
        // Two on the line, one in the legend.
        Assert.Equal(3, XElement.Parse(markup).Descendants().Count(e => (string?)e.Attribute("class") == "chart-withheld"));
    }

    [Fact]
    public void Build_NoNull_HasNoWithheldMarkOrLegend()
    {
        var svg = Parse(Line(new ChartSeries("Kopi", [1, 2, 3, 4, 5, 6])), "disembunyikan");

        Assert.DoesNotContain(svg.Descendants(), e => (string?)e.Attribute("class") == "chart-withheld");
        Assert.DoesNotContain(svg.Descendants(_svg + "text"), t => t.Value == "disembunyikan");
    }

    [Fact]
    public void Build_Line_ControlIsDashed_OthersSolid_EachInTheLegend()
    {
        var svg = Parse(Line(new ChartSeries("Kopi", [1, 2, 3, 4, 5, 6]), new ChartSeries("Kategori lain", [1, 1, 1, 1, 1, 1], IsControl: true)));

        var lines = svg.Descendants(_svg + "g").Where(g => (string?)g.Attribute("class") == "chart-series").Select(g => g.Element(_svg + "path")!).ToList();
        Assert.Null(lines[0].Attribute("stroke-dasharray"));
        Assert.Equal("6 4", lines[1].Attribute("stroke-dasharray")!.Value);
        var legend = svg.Descendants(_svg + "g").Single(g => (string?)g.Attribute("class") == "chart-legend");
        Assert.Equal(["Kopi", "Kategori lain"], legend.Elements(_svg + "text").Select(t => t.Value));
        Assert.Equal("6 4", legend.Descendants(_svg + "line").Last().Attribute("stroke-dasharray")!.Value);
    }

    [Fact]
    public void Build_Bar_NegativeValueHangsBelowTheZeroLine()
    {
        var chart = new Chart("tumbuh", "Pertumbuhan per kategori", "Kopi naik, teh turun.", ChartShape.Bar, ChartValueKind.Percent,
            ["Kopi", "Teh"], [new ChartSeries("Perubahan", [57, -12])]);

        var svg = Parse(chart);

        var zero = Number(svg.Descendants(_svg + "line").Single(l => (string?)l.Attribute("class") == "chart-zero"), "y1");
        var bars = svg.Descendants(_svg + "g").Single(g => (string?)g.Attribute("class") == "chart-series").Elements(_svg + "rect").ToList();
        Assert.Equal(2, bars.Count);
        Assert.Equal(zero, Number(bars[0], "y") + Number(bars[0], "height"), 1);
        Assert.Equal(zero, Number(bars[1], "y"), 1);
        // -12 against 57 on an axis from -20 to 60: the rise is 57/12 times as tall.
        Assert.Equal(57.0 / 12, Number(bars[0], "height") / Number(bars[1], "height"), 2);
        var ticks = svg.Descendants(_svg + "g").Single(g => (string?)g.Attribute("class") == "chart-axis").Elements(_svg + "text").Select(t => t.Value);
        Assert.Equal(["-20 %", "0 %", "+20 %", "+40 %", "+60 %"], ticks);
    }

    [Fact]
    public void Build_Bar_GroupsSeriesSideBySide_ControlOutlinedDashed_NullMarked()
    {
        var chart = new Chart("grup", "Kampanye dan pembanding", "Ringkasan.", ChartShape.Bar, ChartValueKind.Count,
            ["A", "B"], [new ChartSeries("Dicakup", [10, 20]), new ChartSeries("Pembanding", [5, null], IsControl: true)]);

        var svg = Parse(chart);

        var groups = svg.Descendants(_svg + "g").Where(g => (string?)g.Attribute("class") == "chart-series").ToList();
        Assert.Equal(2, groups[0].Elements(_svg + "rect").Count());
        Assert.Single(groups[1].Elements(_svg + "rect"));
        Assert.Equal("4 2", groups[1].Attribute("stroke-dasharray")!.Value);
        Assert.Single(groups[1].Elements(_svg + "path"), p => (string?)p.Attribute("class") == "chart-withheld");
        var firstCovered = Number(groups[0].Elements(_svg + "rect").First(), "x");
        var firstControl = Number(groups[1].Elements(_svg + "rect").First(), "x");
        Assert.True(firstControl > firstCovered);
    }

    [Fact]
    public void Build_EscapesEveryText()
    {
        var chart = new Chart("x", "Judul <b>&</b>", "Ringkasan \"<script>alert(1)</script>\"", ChartShape.Bar, ChartValueKind.Count,
            ["<img src=x onerror=alert(1)>"], [new ChartSeries("<script>alert(1)</script>", [1])]);

        var markup = SvgChartBuilder.Build(chart, "<i>disembunyikan</i>");

        Assert.DoesNotContain("<script", markup, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", markup, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", markup, StringComparison.Ordinal);
        var svg = XElement.Parse(markup);
        Assert.Contains(svg.Descendants(_svg + "text"), t => t.Value == "<script>alert(1)</script>");
        Assert.Equal("Judul <b>&</b>", svg.Element(_svg + "title")!.Value);
    }

    [Fact]
    public void Build_UnsafeId_BecomesAnIdOfSafeCharacters()
    {
        var chart = Line(new ChartSeries("Kopi", [1, 2, 3, 4, 5, 6])) with { Id = "1 \"><x" };

        var svg = Parse(chart);

        Assert.Equal("grafik-1----x-svg-title", svg.Attribute("aria-labelledby")!.Value);
    }

    [Fact]
    public void Build_ManyMonths_ThinsTheLabels()
    {
        var labels = Enumerable.Range(1, 24).Select(i => $"Bulan {i:00}").ToList();
        var chart = new Chart("lama", "Dua tahun", "Ringkasan.", ChartShape.Line, ChartValueKind.Count, labels,
            [new ChartSeries("IKM", [.. labels.Select((_, i) => (double?)i)])]);

        var shown = Parse(chart).Descendants(_svg + "g").Single(g => (string?)g.Attribute("class") == "chart-labels").Elements(_svg + "text").Select(t => t.Value).ToList();

        Assert.InRange(shown.Count, 3, 8);
        Assert.Equal("Bulan 01", shown[0]);
    }

    [Fact]
    public void Build_LongBarLabels_AreSlantedAndShortened()
    {
        var chart = new Chart("produk", "Produk terlaris", "Ringkasan.", ChartShape.Bar, ChartValueKind.Rupiah,
            ["Kopi Arabika Kintamani Sangrai Sedang 250 g", "Gula Aren", "Teh", "Kopi Robusta", "Keripik"], [new ChartSeries("Pendapatan", [5e6, 4e6, 3e6, 2e6, 1e6])]);

        var texts = Parse(chart).Descendants(_svg + "g").Single(g => (string?)g.Attribute("class") == "chart-labels").Elements(_svg + "text").ToList();

        Assert.Equal(5, texts.Count);
        Assert.All(texts, t => Assert.StartsWith("rotate(-35", t.Attribute("transform")!.Value, StringComparison.Ordinal));
        Assert.Equal("Kopi Arabika Kint…", texts[0].Value);
    }

    [Fact]
    public void Build_TwelveMonths_TwoSeries_IsAFewKilobytes()
    {
        var labels = Enumerable.Range(1, 12).Select(i => $"Bln {i}").ToList();
        var chart = new Chart("kecil", "Dua belas bulan", "Ringkasan.", ChartShape.Line, ChartValueKind.Rupiah, labels,
            [new ChartSeries("Kopi", [.. labels.Select((_, i) => (double?)(i * 1_000_000))]), new ChartSeries("Lainnya", [.. labels.Select((_, i) => (double?)(i * 500_000))], true)]);

        Assert.InRange(SvgChartBuilder.Build(chart, "disembunyikan").Length, 1_000, 8_000);
    }
}
