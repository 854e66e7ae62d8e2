using LocalProducts.Web.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Newsroom;

public sealed class IndexModel(NewsroomListQuery query) : PageModel
{
    /// The states as they appear in the address (?status=draf).
    public static readonly IReadOnlyDictionary<string, PostState> StateNames = new Dictionary<string, PostState>(StringComparer.Ordinal)
    {
        ["draf"] = PostState.Draft,
        ["ditinjau"] = PostState.InReview,
        ["terjadwal"] = PostState.Scheduled,
        ["terbit"] = PostState.Published,
        ["arsip"] = PostState.Archived,
    };

    [FromQuery(Name = "status")]
    public string? Status { get; set; }

    [FromQuery(Name = "kampanye")]
    public int? Campaign { get; set; }

    [FromQuery(Name = "q")]
    public string? Q { get; set; }

    [FromQuery(Name = "halaman")]
    public int PageNumber { get; set; } = 1;

    public NewsroomList List { get; private set; } = null!;

    public bool IsEditor { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var actor = NewsroomActors.Of(User);
        IsEditor = actor.IsEditor;
        var state = Status is not null && StateNames.TryGetValue(Status, out var chosen) ? chosen : (PostState?)null;
        if (state is null)
        {
            Status = null;
        }
        List = await query.RunAsync(actor, new NewsroomFilter(state, Campaign, Q?.Length > 200 ? Q[..200] : Q, PageNumber), cancellationToken);
    }

    public string ListUrl(string? status = null, int? page = null)
    {
        var parts = new List<string>();
        if (status is not null)
        {
            parts.Add("status=" + status);
        }
        if (Campaign is { } campaign)
        {
            parts.Add("kampanye=" + campaign.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        if (!string.IsNullOrWhiteSpace(Q))
        {
            parts.Add("q=" + Uri.EscapeDataString(Q));
        }
        if (page is > 1)
        {
            parts.Add("halaman=" + page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return parts.Count == 0 ? "/redaksi" : "/redaksi?" + string.Join("&", parts);
    }
}
