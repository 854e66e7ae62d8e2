using LocalProducts.Web.Data;

namespace LocalProducts.Web.Pages.Melokal.Links;

/// Creates an approved influencer's short links (/m/{code}) to the round's products and makers.
/// placeholder, replaced at merge: the real command is written on the short-links branch.
public sealed class IssueInfluencerLinksCommand(AppDbContext db)
{
    public Task<int> RunAsync(int entryId, CancellationToken cancellationToken)
    {
        _ = db;
        _ = entryId;
        return Task.FromResult(0);
    }
}
