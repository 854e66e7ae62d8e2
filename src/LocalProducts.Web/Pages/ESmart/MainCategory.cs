using LocalProducts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.ESmart;

/// The category an IKM's programme figures count it under: the one most of its products are in
/// (ties: the lowest id), none without products.
public static class MainCategory
{
    public static async Task<int?> OfAsync(AppDbContext db, int ikmId, CancellationToken cancellationToken) =>
        await db.Products.AsNoTracking()
            .Where(p => p.IkmId == ikmId)
            .GroupBy(p => p.CategoryId)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
            .Select(g => (int?)g.Key)
            .FirstOrDefaultAsync(cancellationToken);
}
