using LocalProducts.Tests;
using LocalProducts.Web.Data;
using LocalProducts.Web.Data.Seeding;
using LocalProducts.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LocalProducts.IntegrationTests.Data;

public sealed class DatabaseTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task Migrations_ApplyToAnEmptyDatabase_AndMatchTheModel()
    {
        await using var empty = await TestDatabase.CreateEmptyAsync();
        var options = new DbContextOptionsBuilder<AppDbContext>();
        AppDbContext.Configure(options, empty.ConnectionString);
        await using var db = new AppDbContext(options.Options);

        await db.Database.MigrateAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes without a migration: run dotnet ef migrations add.");
        var tables = await db.Database.SqlQuery<string>(
            $"SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = 'public'").ToListAsync();
        Assert.Contains("products", tables);
        Assert.Contains("ikms", tables);
        Assert.Contains("users", tables);
        Assert.All(tables, table => Assert.Equal(table.ToLowerInvariant(), table));
        Assert.Equal(0, await db.Products.CountAsync());
    }

    [Fact]
    public async Task Seeds_LoadedAtStart_MeetTheDemoMinimums()
    {
        using var _ = site.CreateDbContext(out var scope);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        Assert.Equal(38, await db.Provinces.CountAsync());
        Assert.Equal(514, await db.Regencies.CountAsync());
        Assert.True(await db.Districts.CountAsync() > 7000);
        Assert.True(await db.Ikms.CountAsync() >= 40);
        Assert.True(await db.Ikms.Select(i => i.ProvinceCode).Distinct().CountAsync() >= 12);
        Assert.True(await db.Products.CountAsync() >= 200);
        Assert.True(await db.Products.Select(p => p.CategoryId).Distinct().CountAsync() >= 10);
        Assert.Equal(3, await db.Campaigns.CountAsync());
        Assert.True(await db.Posts.CountAsync() >= 8);
        Assert.True(await db.Ikms.CountAsync(i => i.Verification == VerificationState.Pending) > 0, "Some demo IKM wait for verification.");
    }

    [Fact]
    public async Task ProductDescription_IsRenderedWhenSaved_AndAgainWhenItChanges()
    {
        using var _ = site.CreateDbContext(out var scope);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.False(await db.Products.AnyAsync(p => p.DescriptionHtml == null), "A seeded product has no rendered description.");
        var product = await db.Products.OrderBy(p => p.Id).Skip(7).FirstAsync();
        var original = product.Description;

        product.Description = "Biji **arabika** <script>alert(1)</script>";
        await db.SaveChangesAsync();
        try
        {
            var saved = await db.Products.AsNoTracking().Where(p => p.Id == product.Id).Select(p => new { p.DescriptionHtml, p.DescriptionText }).SingleAsync();
            Assert.Contains("<strong>arabika</strong>", saved.DescriptionHtml, StringComparison.Ordinal);
            Assert.DoesNotContain("<script", saved.DescriptionHtml, StringComparison.OrdinalIgnoreCase);
            Assert.StartsWith("Biji arabika", saved.DescriptionText, StringComparison.Ordinal);
        }
        finally
        {
            product.Description = original;
            await db.SaveChangesAsync();
        }
    }

    [Fact]
    public async Task DemoAccounts_OneForEachRole_AndOwnersOwnDifferentIkm()
    {
        using var _ = site.CreateDbContext(out var scope);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        var roles = await db.UserRoles
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync();
        Assert.Single(roles, r => r.Name == Roles.Admin);
        Assert.Single(roles, r => r.Name == Roles.Staff);
        var owners = roles.Where(r => r.Name == Roles.IkmOwner).Select(r => r.UserId).ToList();
        Assert.Equal(2, owners.Count);
        var owned = await db.Ikms.Where(i => i.OwnerId != null).Select(i => new { i.Id, i.OwnerId }).ToListAsync();
        Assert.Equal(2, owned.Count);
        Assert.Equal(owners.Order(), owned.Select(o => o.OwnerId!.Value).Order());
    }

    [Fact]
    public async Task DemoAccounts_AreNotCreated_OutsideDevelopment()
    {
        await using var empty = await TestDatabase.CreateEmptyAsync();
        await using var production = new MelokalFactory(empty.ConnectionString, "Production");

        // Starting the host runs the start-up step: migrations and seeds, demo data included.
        production.CreateClient().Dispose();

        using var scope = production.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.True(await db.Products.AnyAsync());
        Assert.Equal(0, await db.Users.CountAsync());
        Assert.Equal(Roles.All.Order(), (await db.Roles.Select(r => r.Name!).ToListAsync()).Order());
    }

    [Fact]
    public async Task Seeds_LoadedTwice_AddNoDuplicates()
    {
        using var _ = site.CreateDbContext(out var scope);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var before = await CountAllAsync(db);

        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        // And once more from a second instance's point of view: a fresh scope.
        using (var second = site.Factory.Services.CreateScope())
        {
            await second.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        }

        Assert.Equal(before, await CountAllAsync(db));
    }

    private static async Task<int[]> CountAllAsync(AppDbContext db) =>
    [
        await db.Provinces.CountAsync(), await db.Regencies.CountAsync(), await db.Districts.CountAsync(),
        await db.Categories.CountAsync(), await db.Ikms.CountAsync(), await db.Products.CountAsync(),
        await db.Certifications.CountAsync(), await db.MarketplaceLinks.CountAsync(), await db.Campaigns.CountAsync(),
        await db.Posts.CountAsync(), await db.Users.CountAsync(), await db.Roles.CountAsync(),
    ];
}
