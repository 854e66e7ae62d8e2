using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LocalProducts.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class CataloguePerformance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "description_html",
                table: "products",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "description_text",
                table: "products",
                type: "text",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_products_category_id_published_at_id",
                table: "products",
                columns: new[] { "category_id", "published_at", "id" },
                descending: new[] { false, true, true },
                filter: "state = 2");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_products_category_id_published_at_id",
                table: "products");

            migrationBuilder.DropColumn(
                name: "description_html",
                table: "products");

            migrationBuilder.DropColumn(
                name: "description_text",
                table: "products");
        }
    }
}
