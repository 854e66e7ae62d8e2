using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LocalProducts.Web.Data.Migrations
{
    /// <summary>
    /// The table of the site's secrets (the address-hash key, encrypted by the key ring). Product
    /// descriptions rendered before pictures came only from /media and every link that leaves the
    /// site was nofollow are emptied, so the start-up renders them again; picture paths of posts
    /// and campaigns outside /media are dropped.
    /// </summary>
    public partial class SiteSecretsAndMediaOnlyImages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "site_secrets",
                columns: table => new
                {
                    name = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    protected_value = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_site_secrets", x => x.name);
                });

            migrationBuilder.Sql("UPDATE products SET description_html = NULL WHERE description_html LIKE '%<img%' OR description_html LIKE '%<a %'");
            // Pictures of posts and campaigns saved before only /media paths were taken (MediaUrls.IsMediaPath).
            foreach (var (table, column) in new[] { ("posts", "hero_image_path"), ("post_revisions", "hero_image_path"), ("campaigns", "banner_path") })
            {
                migrationBuilder.Sql($"UPDATE {table} SET {column} = NULL WHERE {column} !~ '^/media/[A-Za-z0-9_./-]+$' OR {column} LIKE '%..%' OR {column} LIKE '%//%'");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "site_secrets");
        }
    }
}
