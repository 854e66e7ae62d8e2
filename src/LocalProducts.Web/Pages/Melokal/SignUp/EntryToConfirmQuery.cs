using LocalProducts.Web.Data;
using LocalProducts.Web.Domain.Melokal;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Melokal.SignUp;

public sealed record HandleToConfirm(SocialPlatform Platform, string Handle, int Followers);

/// The handles a confirmation link confirms, shown beside its button so that the owner of the
/// address sees what they confirm. Only with the right code: otherwise nothing.
public sealed class EntryToConfirmQuery(AppDbContext db)
{
    public async Task<IReadOnlyList<HandleToConfirm>> RunAsync(int roundId, int entryId, string? code, CancellationToken cancellationToken)
    {
        var entry = await db.RoundEntries.AsNoTracking().Include(e => e.Handles)
            .SingleOrDefaultAsync(e => e.Id == entryId && e.RoundId == roundId, cancellationToken);
        if (entry is null || !entry.IsConfirmationCode(code))
        {
            return [];
        }
        return [.. entry.Handles.OrderBy(h => h.Platform).Select(h => new HandleToConfirm(h.Platform, h.Handle, h.Followers))];
    }
}
