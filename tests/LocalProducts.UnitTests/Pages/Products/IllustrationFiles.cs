namespace LocalProducts.UnitTests.Pages.Products;

/// Where the drawings and the demo data are, from the test binaries up to the repository.
internal static class IllustrationFiles
{
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LocalProducts.sln")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException("LocalProducts.sln not found above the test binaries.");
    }

    public static string Folder() => Path.Combine(RepositoryRoot(), "src", "LocalProducts.Web", "wwwroot", "img", "ilustrasi");

    public static string PathOf(string slug) => Path.Combine(Folder(), slug + ".svg");
}
