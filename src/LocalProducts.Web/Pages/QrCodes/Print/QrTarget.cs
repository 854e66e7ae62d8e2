using LocalProducts.Web.Domain.QrCodes;

namespace LocalProducts.Web.Pages.QrCodes.Print;

/// A product, maker or event someone may print a code for, with its code once made.
public sealed record QrTarget(QrTargetKind Kind, int Id, string Name, string Slug, bool IsPublic, string? Code);
