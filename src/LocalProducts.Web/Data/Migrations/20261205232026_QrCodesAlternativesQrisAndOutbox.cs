using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace LocalProducts.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class QrCodesAlternativesQrisAndOutbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "qris_image_id",
                table: "ikms",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "qris_merchant_name",
                table: "ikms",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "local_alternatives",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    term = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    normalized_term = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    other_spellings = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    search_words = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    reason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_local_alternatives", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "mail_outbox",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    to = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    text_body = table.Column<string>(type: "text", nullable: false),
                    queued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_mail_outbox", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "qr_codes",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    code = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    target_kind = table.Column<int>(type: "integer", nullable: false),
                    target_id = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_qr_codes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "local_alternative_categories",
                columns: table => new
                {
                    category_id = table.Column<int>(type: "integer", nullable: false),
                    local_alternative_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_local_alternative_categories", x => new { x.category_id, x.local_alternative_id });
                    table.ForeignKey(
                        name: "fk_local_alternative_categories_categories_category_id",
                        column: x => x.category_id,
                        principalTable: "categories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_local_alternative_categories_local_alternatives_local_alter",
                        column: x => x.local_alternative_id,
                        principalTable: "local_alternatives",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "qr_scans",
                columns: table => new
                {
                    qr_code_id = table.Column<int>(type: "integer", nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    scans = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_qr_scans", x => new { x.qr_code_id, x.day });
                    table.ForeignKey(
                        name: "fk_qr_scans_qr_codes_qr_code_id",
                        column: x => x.qr_code_id,
                        principalTable: "qr_codes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_ikms_qris_image_id",
                table: "ikms",
                column: "qris_image_id");

            migrationBuilder.CreateIndex(
                name: "ix_local_alternative_categories_local_alternative_id",
                table: "local_alternative_categories",
                column: "local_alternative_id");

            migrationBuilder.CreateIndex(
                name: "ix_local_alternatives_normalized_term",
                table: "local_alternatives",
                column: "normalized_term",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_mail_outbox_next_attempt_at",
                table: "mail_outbox",
                column: "next_attempt_at",
                filter: "sent_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_qr_codes_code",
                table: "qr_codes",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_qr_codes_target_kind_target_id",
                table: "qr_codes",
                columns: new[] { "target_kind", "target_id" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "fk_ikms_stored_images_qris_image_id",
                table: "ikms",
                column: "qris_image_id",
                principalTable: "stored_images",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);

            // The suggestion box's makers: a name word starting with the typed text
            // (' ' || lower(name) LIKE '% ' || typed || '%'), without reading every IKM.
            migrationBuilder.Sql("""
                CREATE INDEX ix_ikms_name_words_trgm ON ikms USING gin ((' ' || lower(name)) gin_trgm_ops)
                WHERE verification = 2;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_ikms_name_words_trgm;");

            migrationBuilder.DropForeignKey(
                name: "fk_ikms_stored_images_qris_image_id",
                table: "ikms");

            migrationBuilder.DropTable(
                name: "local_alternative_categories");

            migrationBuilder.DropTable(
                name: "mail_outbox");

            migrationBuilder.DropTable(
                name: "qr_scans");

            migrationBuilder.DropTable(
                name: "local_alternatives");

            migrationBuilder.DropTable(
                name: "qr_codes");

            migrationBuilder.DropIndex(
                name: "ix_ikms_qris_image_id",
                table: "ikms");

            migrationBuilder.DropColumn(
                name: "qris_image_id",
                table: "ikms");

            migrationBuilder.DropColumn(
                name: "qris_merchant_name",
                table: "ikms");
        }
    }
}
