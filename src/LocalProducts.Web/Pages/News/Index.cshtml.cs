using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.News;

public sealed class IndexModel(PostListQuery query) : PageModel
{
    public IReadOnlyList<PostListItem> Posts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Posts = await query.RunAsync(cancellationToken);
}
