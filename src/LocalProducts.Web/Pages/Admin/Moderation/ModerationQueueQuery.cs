using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Admin.Moderation;

public sealed record StaffProductRow(
    int Id, string Slug, string Name, string IkmName, VerificationState IkmVerification, string CategoryName, long PriceMin, long? PriceMax,
    ProductState State, string? HiddenReason, DateTimeOffset UpdatedAt);

public sealed record StaffProductPage(IReadOnlyList<StaffProductRow> Rows, int Total, int Page, int PageCount);

/// Listings waiting for staff: pending products, oldest change first. Those of a rejected IKM
/// wait until the IKM is corrected and verified.
public sealed class ModerationQueueQuery(AppDbContext db)
{
    public const int PageSize = 50;

    public static IQueryable<Product> Waiting(AppDbContext db) =>
        db.Products.Where(p => p.State == ProductState.PendingReview && p.Ikm!.Verification != VerificationState.Rejected);

    public async Task<StaffProductPage> RunAsync(int page, CancellationToken cancellationToken)
    {
        var waiting = Waiting(db).AsNoTracking();
        var total = await waiting.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var rows = await waiting.OrderBy(p => p.UpdatedAt).ThenBy(p => p.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(StaffProductQuery.Row)
            .ToListAsync(cancellationToken);
        return new StaffProductPage(rows, total, page, pageCount);
    }
}
