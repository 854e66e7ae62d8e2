namespace LocalProducts.Web;

/// Marker for the site's one set of UI strings. Keys are the Indonesian text; Resources/
/// SharedResource.en.resx holds the English.
public sealed class SharedResource;
