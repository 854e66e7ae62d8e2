namespace LocalProducts.Web.Pages.Admin.Melokal.MetricImports;

/// A column of the import file.
public enum MetricColumn
{
    Platform = 1,
    Handle = 2,
    Url = 3,
    PostedAt = 4,
    TakenAt = 5,
    Followers = 6,
    Likes = 7,
    Comments = 8,
    Shares = 9,
    Saves = 10,
    Views = 11,
    Product = 12,
}
