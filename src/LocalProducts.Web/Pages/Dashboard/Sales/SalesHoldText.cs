using System.Globalization;
using System.Text.RegularExpressions;

namespace LocalProducts.Web.Pages.Dashboard.Sales;

/// Reads the figures back out of <see cref="Domain.Impact.SalesOutlierRule.HoldReason"/>'s
/// machine text ("revenue/day 13333 vs median 3333 of 6 earlier reports; …"), so the page can say
/// it in plain words in the reader's language.
public static partial class SalesHoldText
{
    [GeneratedRegex(@"^revenue/day (?<day>\d+) vs median (?<median>\d+) of (?<count>\d+) earlier reports", RegexOptions.CultureInvariant)]
    private static partial Regex Figures();

    public static bool TryRead(string? reason, out long revenuePerDay, out long median, out int count)
    {
        revenuePerDay = median = count = 0;
        var match = Figures().Match(reason ?? "");
        if (!match.Success)
        {
            return false;
        }
        return long.TryParse(match.Groups["day"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out revenuePerDay)
            && long.TryParse(match.Groups["median"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out median)
            && int.TryParse(match.Groups["count"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out count);
    }
}
