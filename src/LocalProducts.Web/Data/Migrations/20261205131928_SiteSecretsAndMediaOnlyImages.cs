using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LocalProducts.Web.Data.Migrations
{
    /// <summary>
    /// The table of the site's secrets (the address-hash key, encrypted by the key ring), and the
    /// product descriptions rendered before pictures came only from /media and every link that
    /// leaves the site was nofollow: emptied, so the start-up renders them again.
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "site_secrets");
        }
    }
}
