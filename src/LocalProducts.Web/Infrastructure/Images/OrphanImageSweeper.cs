using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Infrastructure.Images;

/// Uploads are stored before the form that uses them is saved; a form that then fails (a
/// validation error, a conflict, a closed tab) leaves an image nobody refers to. Once an hour, once
/// across instances, images older than a day that no product or IKM (logo, QRIS) refers to are deleted.
public sealed class OrphanImageSweeper : ScheduledJob
{
    private readonly TimeProvider _clock;
    private readonly ILogger<OrphanImageSweeper> _logger;

    public OrphanImageSweeper(IServiceScopeFactory scopes, TimeProvider clock, ILogger<OrphanImageSweeper> logger)
        : base(scopes, clock, logger)
    {
        _clock = clock;
        _logger = logger;
    }

    public static readonly TimeSpan GracePeriod = TimeSpan.FromDays(1);

    protected override string Name => "orphan-images";
    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override async Task RunAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var deleted = await SweepAsync(db, _clock.GetUtcNow() - GracePeriod, cancellationToken);
        if (deleted > 0)
        {
            _logger.LogInformation("Deleted {Count} stored images no product or IKM refers to", deleted);
        }
    }

    /// Only the purposes whose references are known here: a new referring column (post photos)
    /// must be added to this query before its purpose is.
    public static Task<int> SweepAsync(AppDbContext db, DateTimeOffset createdBefore, CancellationToken cancellationToken) =>
        db.StoredImages
            .Where(i => i.CreatedAt < createdBefore
                && (i.Purpose == ImagePurpose.ProductPhoto || i.Purpose == ImagePurpose.IkmLogo || i.Purpose == ImagePurpose.Qris)
                && !db.ProductImages.Any(p => p.ImageId == i.Id)
                && !db.Ikms.Any(k => k.LogoImageId == i.Id || k.QrisImageId == i.Id))
            .ExecuteDeleteAsync(cancellationToken);
}
