using LocalProducts.Tests;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace LocalProducts.IntegrationTests.Security;

/// The site on its own embedded cluster (no connection string, as `dotnet run` starts it) connects
/// as the owner of its database, not as a superuser: an SQL flaw cannot run programs on the server
/// or read its files.
public sealed class DatabaseRoleAttackTests
{
    [Fact]
    public async Task EmbeddedDatabase_SiteConnectsAsOwnerWithoutSuperuser_AndCannotRunPrograms()
    {
        var root = Path.Combine(Path.GetTempPath(), $"melokal-embedded-{Guid.NewGuid():N}");
        try
        {
            // No connection string: the site starts its own cluster in this folder.
            await using var site = new MelokalFactory("");
            await using (var factory = site.WithWebHostBuilder(builder =>
            {
                builder.UseSetting("EmbeddedPostgres:RootDirectory", root);
                builder.UseSetting("Seeding:LoadDemoData", "false");
                builder.UseSetting("Seeding:CreateDemoAccounts", "false");
            }))
            {
                // Starting the host makes the cluster, migrates as the owner role and seeds.
                factory.CreateClient().Dispose();
                var dataSource = factory.Services.GetRequiredService<NpgsqlDataSource>();
                await using var connection = await dataSource.OpenConnectionAsync();
                await using (var who = new NpgsqlCommand(
                    "SELECT current_user, r.rolsuper, r.rolcreaterole, pg_get_userbyid(d.datdba) FROM pg_roles r, pg_database d WHERE r.rolname = current_user AND d.datname = current_database()",
                    connection))
                await using (var reader = await who.ExecuteReaderAsync())
                {
                    Assert.True(await reader.ReadAsync());
                    Assert.Equal("melokal", reader.GetString(0));
                    Assert.False(reader.GetBoolean(1), "The site connects as a superuser.");
                    Assert.False(reader.GetBoolean(2));
                    Assert.Equal("melokal", reader.GetString(3));
                }
                await using var program = new NpgsqlCommand("COPY (SELECT 1) TO PROGRAM 'true'", connection);
                var refused = await Assert.ThrowsAsync<PostgresException>(() => program.ExecuteNonQueryAsync());
                Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
            }
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }
}
