namespace LocalProducts.Web.Data.Seeding;

public sealed class SeedingOptions
{
    public const string Section = "Seeding";

    /// Folder with reference/ and demo/; the copy beside the binaries when empty.
    public string? Directory { get; set; }
    /// Loads seeds/demo (invented IKM, products, campaigns and posts).
    public bool LoadDemoData { get; set; }
    /// Creates the demo accounts listed in the README. Honoured only in Development.
    public bool CreateDemoAccounts { get; set; }
    /// Applies pending EF Core migrations at start-up, under a database lock.
    public bool MigrateOnStartup { get; set; } = true;

    public string ResolveDirectory() =>
        string.IsNullOrWhiteSpace(Directory) ? Path.Combine(AppContext.BaseDirectory, "seeds") : Directory;
}
