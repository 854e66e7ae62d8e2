using LocalProducts.Web.Domain;

namespace LocalProducts.Web.Infrastructure.Images;

/// The model of Pages/Shared/_ImageUploadField.cshtml: a labelled file input for one image, its
/// hint (formats, 5 MB, minimum size) and its error, linked to it for screen readers. Name is the
/// bound IFormFile property's name as posted, e.g. "Input.Photo".
public sealed record ImageUploadField(string Name, string Label, ImagePurpose Purpose)
{
    /// The id asp-for would give the input ("Input.Photo" → "Input_Photo").
    public string Id => Name.Replace('.', '_').Replace('[', '_').Replace(']', '_');
}
