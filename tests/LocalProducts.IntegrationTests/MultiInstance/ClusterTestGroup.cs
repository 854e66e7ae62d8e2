namespace LocalProducts.IntegrationTests.MultiInstance;

/// One cluster for every multi-instance test class; their tests run one after another.
[CollectionDefinition(Name)]
public sealed class ClusterTestGroup : ICollectionFixture<ClusterFixture>
{
    public const string Name = "Cluster";
}
