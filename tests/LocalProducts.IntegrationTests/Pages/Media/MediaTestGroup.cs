namespace LocalProducts.IntegrationTests.Pages.Media;

/// Image tests write (uploads, logos, deletions): their own site and database.
[CollectionDefinition(Name)]
public sealed class MediaTestGroup : ICollectionFixture<SiteFixture>
{
    public const string Name = "media";
}
