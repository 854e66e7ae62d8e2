using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LocalProducts.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class StoredImages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Photo paths pointed at files no instance shares; no site ever stored any (uploads come
            // with this migration), so there is nothing to carry over.
            migrationBuilder.Sql("DELETE FROM product_images;");

            migrationBuilder.DropIndex(
                name: "ix_product_images_product_id",
                table: "product_images");

            migrationBuilder.DropColumn(
                name: "height",
                table: "product_images");

            migrationBuilder.DropColumn(
                name: "path",
                table: "product_images");

            migrationBuilder.DropColumn(
                name: "width",
                table: "product_images");

            migrationBuilder.DropColumn(
                name: "logo_path",
                table: "ikms");

            migrationBuilder.AddColumn<Guid>(
                name: "image_id",
                table: "product_images",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<Guid>(
                name: "logo_image_id",
                table: "ikms",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "stored_images",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    purpose = table.Column<int>(type: "integer", nullable: false),
                    width = table.Column<int>(type: "integer", nullable: false),
                    height = table.Column<int>(type: "integer", nullable: false),
                    widths = table.Column<int[]>(type: "integer[]", nullable: false),
                    share_width = table.Column<int>(type: "integer", nullable: false),
                    content_hash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stored_images", x => x.id);
                    table.CheckConstraint("ck_stored_images_size", "width > 0 AND height > 0 AND share_width > 0");
                    table.ForeignKey(
                        name: "fk_stored_images_users_created_by",
                        column: x => x.created_by,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "stored_image_variants",
                columns: table => new
                {
                    image_id = table.Column<Guid>(type: "uuid", nullable: false),
                    format = table.Column<int>(type: "integer", nullable: false),
                    width = table.Column<int>(type: "integer", nullable: false),
                    height = table.Column<int>(type: "integer", nullable: false),
                    byte_length = table.Column<int>(type: "integer", nullable: false),
                    bytes = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stored_image_variants", x => new { x.image_id, x.format, x.width });
                    table.CheckConstraint("ck_stored_image_variants_length", "byte_length = octet_length(bytes)");
                    table.ForeignKey(
                        name: "fk_stored_image_variants_stored_images_image_id",
                        column: x => x.image_id,
                        principalTable: "stored_images",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            // WebP and JPEG are compressed already: storing them as they are spares PostgreSQL a
            // futile compression attempt on every write and lets it read them in slices.
            migrationBuilder.Sql("ALTER TABLE stored_image_variants ALTER COLUMN bytes SET STORAGE EXTERNAL;");

            migrationBuilder.CreateIndex(
                name: "ix_product_images_image_id",
                table: "product_images",
                column: "image_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_product_images_product_id_sort_order",
                table: "product_images",
                columns: new[] { "product_id", "sort_order" });

            migrationBuilder.CreateIndex(
                name: "ix_ikms_logo_image_id",
                table: "ikms",
                column: "logo_image_id");

            migrationBuilder.CreateIndex(
                name: "ix_stored_images_created_at",
                table: "stored_images",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_stored_images_created_by",
                table: "stored_images",
                column: "created_by");

            migrationBuilder.AddForeignKey(
                name: "fk_ikms_stored_images_logo_image_id",
                table: "ikms",
                column: "logo_image_id",
                principalTable: "stored_images",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "fk_product_images_stored_images_image_id",
                table: "product_images",
                column: "image_id",
                principalTable: "stored_images",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_ikms_stored_images_logo_image_id",
                table: "ikms");

            migrationBuilder.DropForeignKey(
                name: "fk_product_images_stored_images_image_id",
                table: "product_images");

            migrationBuilder.DropTable(
                name: "stored_image_variants");

            migrationBuilder.DropTable(
                name: "stored_images");

            migrationBuilder.DropIndex(
                name: "ix_product_images_image_id",
                table: "product_images");

            migrationBuilder.DropIndex(
                name: "ix_product_images_product_id_sort_order",
                table: "product_images");

            migrationBuilder.DropIndex(
                name: "ix_ikms_logo_image_id",
                table: "ikms");

            migrationBuilder.DropColumn(
                name: "image_id",
                table: "product_images");

            migrationBuilder.DropColumn(
                name: "logo_image_id",
                table: "ikms");

            migrationBuilder.AddColumn<int>(
                name: "height",
                table: "product_images",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "path",
                table: "product_images",
                type: "character varying(500)",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "width",
                table: "product_images",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "logo_path",
                table: "ikms",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_product_images_product_id",
                table: "product_images",
                column: "product_id");
        }
    }
}
