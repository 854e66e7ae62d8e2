using LocalProducts.Web.Infrastructure.Images;

namespace LocalProducts.Web.Pages.Dashboard.Photos;

public enum ImageChangeStatus
{
    Done = 1,
    /// No such product or IKM: the page answers 404.
    NotFound = 2,
    /// It belongs to another owner: the page answers 403, whatever ids were posted.
    Forbidden = 3,
    /// The upload was refused; <see cref="ImageChange.Failure"/> says why, for the field.
    Refused = 4,
    /// The product already has <see cref="ProductPhotoCommand.MaxPhotos"/> photos.
    TooMany = 5,
    /// Someone else saved the same IKM in between: nothing was changed.
    Conflict = 6,
}

/// What a photo or logo change did. <see cref="ImageId"/> is the new image when one was stored.
public sealed record ImageChange(ImageChangeStatus Status, ImageFailure? Failure = null, Guid? ImageId = null)
{
    public static readonly ImageChange NotFound = new(ImageChangeStatus.NotFound);
    public static readonly ImageChange Forbidden = new(ImageChangeStatus.Forbidden);
}
