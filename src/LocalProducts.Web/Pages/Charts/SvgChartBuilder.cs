using System.Globalization;
using System.Text;

namespace LocalProducts.Web.Pages.Charts;

/// Draws a <see cref="Chart"/> as a small inline SVG (a few KB): value axis with round ticks,
/// labels along the bottom (thinned when many), a legend, one line per series (the control
/// dashed, each series its own marker shape) or grouped bars (the control outlined and dashed),
/// and a cross where a value is withheld. Colours pass WCAG AA on white and never carry meaning
/// alone. Every text is escaped; the figure's words and table come from the partial around it.
public static class SvgChartBuilder
{
    public const double Width = 360;
    public const double PlotHeight = 170;
    public const double FontSize = 14;
    /// A rough average glyph width at <see cref="FontSize"/>, for layout without measuring.
    public const double CharWidth = 7.8;
    public const int LongestLegendName = 32;
    public const int LongestSlantedLabel = 18;

    /// Dark red, blue, green, purple, brown: each at least 4.5:1 on white.
    private static readonly string[] _colours = ["#9b1c1c", "#0a58ca", "#116329", "#6f42c1", "#8a4b08"];
    private const string ControlColour = "#57606a";
    private const string GridColour = "#d0d7de";
    private const string InkColour = "#1f2328";
    private const string ControlDash = "6 4";
    private const double LegendRowHeight = 20;
    private const double RightMargin = 14;

    /// The SVG markup. nullLabel names a null value in the legend ("disembunyikan").
    public static string Build(Chart chart, string nullLabel)
    {
        var id = SafeId(chart.Id);
        var values = chart.Series.SelectMany(s => s.Values).ToList();
        var scale = ChartScale.For(values, chart.ValueKind);
        var tickLabels = scale.Ticks.Select(t => ChartNumbers.Compact(t, chart.ValueKind, chart.SignedPercent)).ToList();
        var left = Math.Max(36, (tickLabels.Max(t => t.Length) * CharWidth) + 10);
        var right = Width - RightMargin;
        var count = Math.Max(1, chart.Labels.Count);
        var slot = (right - left) / count;

        var legend = LegendItems(chart, nullLabel, values.Any(v => Usable(v) is null));
        var legendRows = LayOutLegend(legend, left);
        var top = 8 + (legendRows.Max(r => r.Row + 1) * LegendRowHeight) + 8;
        var labels = chart.Shape == ChartShape.Bar ? BarLabels(chart.Labels, slot) : LineLabels(chart.Labels, right - left);
        if (labels.Slanted)
        {
            // The first slanted label reaches left of its bar: keep it inside the picture.
            var reach = (labels.Text.Count > 0 ? labels.Text[0]?.Length ?? 0 : 0) * CharWidth * 0.82;
            left = Math.Max(left, reach - (slot / 2) + 4);
            slot = (right - left) / count;
        }
        var bottom = top + PlotHeight;
        var height = bottom + (labels.Slanted ? (LongestSlantedLabel * CharWidth * 0.58) + 16 : 26);

        double Y(double value) => bottom - (scale.Fraction(value) * PlotHeight);

        var svg = new StringBuilder(4096);
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-svg\" viewBox=\"0 0 {N(Width)} {N(height)}\" role=\"img\" aria-labelledby=\"{id}-svg-title\" aria-describedby=\"{id}-svg-desc\" font-size=\"{N(FontSize)}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-svg-title\">{Escape(chart.Title)}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<desc id=\"{id}-svg-desc\">{Escape(chart.Summary)}</desc>");

        // Grid and value axis.
        svg.Append(CultureInfo.InvariantCulture, $"<g class=\"chart-axis\" fill=\"{InkColour}\" text-anchor=\"end\">");
        for (var i = 0; i < scale.Ticks.Count; i++)
        {
            var y = Y(scale.Ticks[i]);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(left)}\" x2=\"{N(right)}\" y1=\"{N(y)}\" y2=\"{N(y)}\" stroke=\"{GridColour}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(left - 6)}\" y=\"{N(y + 4)}\">{Escape(tickLabels[i])}</text>");
        }
        var zero = Y(0);
        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"chart-zero\" x1=\"{N(left)}\" x2=\"{N(right)}\" y1=\"{N(zero)}\" y2=\"{N(zero)}\" stroke=\"{InkColour}\"/>");
        svg.Append("</g>");

        // Labels along the bottom.
        svg.Append(CultureInfo.InvariantCulture, $"<g class=\"chart-labels\" fill=\"{InkColour}\" text-anchor=\"{(labels.Slanted ? "end" : "middle")}\">");
        for (var i = 0; i < chart.Labels.Count; i++)
        {
            if (labels.Text[i] is not { } text)
            {
                continue;
            }
            var x = chart.Shape == ChartShape.Bar ? left + (slot * (i + 0.5)) : LineX(i, count, left, right);
            var y = bottom + 18;
            var turn = labels.Slanted ? $" transform=\"rotate(-35 {N(x)} {N(y)})\"" : "";
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(x)}\" y=\"{N(y)}\"{turn}>{Escape(text)}</text>");
        }
        svg.Append("</g>");

        if (chart.Shape == ChartShape.Bar)
        {
            DrawBars(svg, chart, left, slot, zero, Y);
        }
        else
        {
            DrawLines(svg, chart, left, right, zero, Y);
        }
        DrawLegend(svg, legend, legendRows, chart.Shape == ChartShape.Bar);
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// Element ids from the chart's id: letters, digits, '-' and '_' only.
    public static string SafeId(string id)
    {
        var safe = new string([.. id.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-')]);
        return safe.Length == 0 || !char.IsAsciiLetter(safe[0]) ? "grafik-" + safe : safe;
    }

    /// A value to draw: a null, or a number that is not one (NaN, infinity), is drawn as withheld.
    public static double? Usable(double? value) => value is { } v && double.IsFinite(v) ? v : null;

    /// Text for an SVG (or HTML) element or attribute.
    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace("\"", "&quot;", StringComparison.Ordinal)
            .Replace("'", "&#39;", StringComparison.Ordinal);

    private static double LineX(int index, int count, double left, double right) =>
        count == 1 ? (left + right) / 2 : left + 8 + ((right - left - 16) * index / (count - 1));

    private static void DrawLines(StringBuilder svg, Chart chart, double left, double right, double zero, Func<double, double> y)
    {
        var count = Math.Max(1, chart.Labels.Count);
        for (var s = 0; s < chart.Series.Count; s++)
        {
            var series = chart.Series[s];
            var colour = ColourOf(series, s);
            var path = new StringBuilder();
            var penDown = false;
            for (var i = 0; i < series.Values.Count && i < chart.Labels.Count; i++)
            {
                if (Usable(series.Values[i]) is not { } value)
                {
                    penDown = false;
                    continue;
                }
                path.Append(CultureInfo.InvariantCulture, $"{(penDown ? "L" : "M")}{N(LineX(i, count, left, right))} {N(y(value))}");
                penDown = true;
            }
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"chart-series\" stroke=\"{colour}\">");
            if (path.Length > 0)
            {
                svg.Append(CultureInfo.InvariantCulture,
                    $"<path d=\"{path}\" fill=\"none\" stroke-width=\"2\"{(series.IsControl ? $" stroke-dasharray=\"{ControlDash}\"" : "")}/>");
            }
            for (var i = 0; i < series.Values.Count && i < chart.Labels.Count; i++)
            {
                var x = LineX(i, count, left, right);
                svg.Append(Usable(series.Values[i]) is { } value ? Marker(s, x, y(value), colour, series.IsControl) : Withheld(x, zero));
            }
            svg.Append("</g>");
        }
    }

    private static void DrawBars(StringBuilder svg, Chart chart, double left, double slot, double zero, Func<double, double> y)
    {
        var seriesCount = Math.Max(1, chart.Series.Count);
        var barWidth = slot * 0.8 / seriesCount;
        for (var s = 0; s < chart.Series.Count; s++)
        {
            var series = chart.Series[s];
            var colour = ColourOf(series, s);
            var look = series.IsControl ? $"fill=\"#ffffff\" stroke=\"{colour}\" stroke-width=\"2\" stroke-dasharray=\"4 2\"" : $"fill=\"{colour}\"";
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"chart-series\" {look}>");
            for (var i = 0; i < series.Values.Count && i < chart.Labels.Count; i++)
            {
                var x = left + (slot * i) + (slot * 0.1) + (barWidth * s);
                if (Usable(series.Values[i]) is not { } value)
                {
                    svg.Append(Withheld(x + (barWidth / 2), zero));
                    continue;
                }
                var top = Math.Min(y(value), zero);
                var height = Math.Abs(y(value) - zero);
                svg.Append(CultureInfo.InvariantCulture,
                    $"<rect x=\"{N(x + 1)}\" y=\"{N(top)}\" width=\"{N(Math.Max(1, barWidth - 2))}\" height=\"{N(height)}\"/>");
            }
            svg.Append("</g>");
        }
    }

    /// A cross on the zero line where a value is withheld, drawn in the control grey.
    private static string Withheld(double x, double zero) =>
        string.Create(CultureInfo.InvariantCulture,
            $"<path class=\"chart-withheld\" d=\"M{N(x - 5)} {N(zero - 5)}l10 10m0 -10l-10 10\" stroke=\"{InkColour}\" stroke-width=\"2\" fill=\"none\" stroke-dasharray=\"none\"/>");

    /// Circle, square, triangle, diamond: a shape per series, hollow for the control.
    private static string Marker(int series, double x, double y, string colour, bool hollow)
    {
        var fill = hollow ? "#ffffff" : colour;
        var r = 3.5;
        return (series % 4) switch
        {
            0 => string.Create(CultureInfo.InvariantCulture, $"<circle cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"{N(r)}\" fill=\"{fill}\" stroke-width=\"1.5\"/>"),
            1 => string.Create(CultureInfo.InvariantCulture, $"<rect x=\"{N(x - r)}\" y=\"{N(y - r)}\" width=\"{N(2 * r)}\" height=\"{N(2 * r)}\" fill=\"{fill}\" stroke-width=\"1.5\"/>"),
            2 => string.Create(CultureInfo.InvariantCulture, $"<path d=\"M{N(x)} {N(y - r - 1)}L{N(x + r + 1)} {N(y + r)}H{N(x - r - 1)}Z\" fill=\"{fill}\" stroke-width=\"1.5\"/>"),
            _ => string.Create(CultureInfo.InvariantCulture, $"<path d=\"M{N(x)} {N(y - r - 1)}L{N(x + r + 1)} {N(y)}L{N(x)} {N(y + r + 1)}L{N(x - r - 1)} {N(y)}Z\" fill=\"{fill}\" stroke-width=\"1.5\"/>"),
        };
    }

    private static string ColourOf(ChartSeries series, int index) =>
        series.IsControl ? ControlColour : _colours[index % _colours.Length];

    private sealed record LegendItem(string Text, int SeriesIndex, ChartSeries? Series)
    {
        public double Width => 24 + (Text.Length * CharWidth) + 14;
    }

    private sealed record LegendPlace(LegendItem Item, int Row, double X);

    private static List<LegendItem> LegendItems(Chart chart, string nullLabel, bool anyNull)
    {
        var items = chart.Series.Select((s, i) => new LegendItem(Shorten(s.Name, LongestLegendName), i, s)).ToList();
        if (anyNull)
        {
            items.Add(new LegendItem(Shorten(nullLabel, LongestLegendName), -1, null));
        }
        return items;
    }

    private static List<LegendPlace> LayOutLegend(List<LegendItem> items, double left)
    {
        var places = new List<LegendPlace>();
        var start = Math.Min(left, 12);
        var (row, x) = (0, start);
        foreach (var item in items)
        {
            if (x > start && x + item.Width > Width - RightMargin)
            {
                (row, x) = (row + 1, start);
            }
            places.Add(new LegendPlace(item, row, x));
            x += item.Width;
        }
        return places.Count == 0 ? [new LegendPlace(new LegendItem("", -1, null), 0, start)] : places;
    }

    private static void DrawLegend(StringBuilder svg, List<LegendItem> items, List<LegendPlace> places, bool bars)
    {
        if (items.Count == 0)
        {
            return;
        }
        svg.Append(CultureInfo.InvariantCulture, $"<g class=\"chart-legend\" fill=\"{InkColour}\">");
        foreach (var place in places)
        {
            var y = 8 + (place.Row * LegendRowHeight) + 10;
            var x = place.X;
            if (place.Item.Series is { } series)
            {
                var colour = ColourOf(series, place.Item.SeriesIndex);
                var dash = series.IsControl ? $" stroke-dasharray=\"{ControlDash}\"" : "";
                svg.Append(CultureInfo.InvariantCulture, $"<g stroke=\"{colour}\">");
                if (bars)
                {
                    var fill = series.IsControl ? "#ffffff" : colour;
                    var outline = series.IsControl ? " stroke-width=\"2\" stroke-dasharray=\"4 2\"" : "";
                    svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(x + 2)}\" y=\"{N(y - 6)}\" width=\"14\" height=\"12\" fill=\"{fill}\"{outline}/>");
                }
                else
                {
                    svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(x)}\" x2=\"{N(x + 18)}\" y1=\"{N(y)}\" y2=\"{N(y)}\" stroke-width=\"2\"{dash}/>");
                    svg.Append(Marker(place.Item.SeriesIndex, x + 9, y, colour, series.IsControl));
                }
                svg.Append("</g>");
            }
            else
            {
                svg.Append(Withheld(x + 9, y));
            }
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(x + 24)}\" y=\"{N(y + 4)}\">{Escape(place.Item.Text)}</text>");
        }
        svg.Append("</g>");
    }

    private sealed record AxisLabels(IReadOnlyList<string?> Text, bool Slanted);

    /// Every label that fits; every second, third… when they would overlap.
    private static AxisLabels LineLabels(IReadOnlyList<string> labels, double plotWidth)
    {
        var widest = labels.Count == 0 ? 1 : (labels.Max(l => l.Length) * CharWidth) + 10;
        var fit = Math.Max(1, (int)Math.Floor(plotWidth / widest));
        var step = (int)Math.Ceiling(labels.Count / (double)fit);
        return new AxisLabels([.. labels.Select((l, i) => i % Math.Max(1, step) == 0 ? l : null)], false);
    }

    /// Bar labels stand level when they fit their bar's width, slanted and shortened when not,
    /// and thinned only when even slanted labels would touch.
    private static AxisLabels BarLabels(IReadOnlyList<string> labels, double slot)
    {
        var widest = labels.Count == 0 ? 0 : labels.Max(l => l.Length) * CharWidth;
        if (widest + 4 <= slot)
        {
            return new AxisLabels(labels, false);
        }
        var step = (int)Math.Ceiling((FontSize + 2) / slot);
        return new AxisLabels([.. labels.Select((l, i) => i % Math.Max(1, step) == 0 ? Shorten(l, LongestSlantedLabel) : null)], true);
    }

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)].TrimEnd() + "…";

    private static string N(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);
}
