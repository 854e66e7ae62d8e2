using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace LocalProducts.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class NewsroomAndCampaigns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "author_id",
                table: "posts",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "editor_id",
                table: "posts",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int[]>(
                name: "related_post_ids",
                table: "posts",
                type: "integer[]",
                nullable: false,
                defaultValue: new int[0]);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "scheduled_for",
                table: "posts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "campaign_featured_ikms",
                columns: table => new
                {
                    campaign_id = table.Column<int>(type: "integer", nullable: false),
                    featured_ikms_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_campaign_featured_ikms", x => new { x.campaign_id, x.featured_ikms_id });
                    table.ForeignKey(
                        name: "fk_campaign_featured_ikms_campaigns_campaign_id",
                        column: x => x.campaign_id,
                        principalTable: "campaigns",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_campaign_featured_ikms_ikms_featured_ikms_id",
                        column: x => x.featured_ikms_id,
                        principalTable: "ikms",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "campaign_featured_products",
                columns: table => new
                {
                    campaign_id = table.Column<int>(type: "integer", nullable: false),
                    featured_products_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_campaign_featured_products", x => new { x.campaign_id, x.featured_products_id });
                    table.ForeignKey(
                        name: "fk_campaign_featured_products_campaigns_campaign_id",
                        column: x => x.campaign_id,
                        principalTable: "campaigns",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_campaign_featured_products_products_featured_products_id",
                        column: x => x.featured_products_id,
                        principalTable: "products",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "campaign_slug_history",
                columns: table => new
                {
                    slug = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    campaign_id = table.Column<int>(type: "integer", nullable: false),
                    retired_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_campaign_slug_history", x => x.slug);
                    table.ForeignKey(
                        name: "fk_campaign_slug_history_campaigns_campaign_id",
                        column: x => x.campaign_id,
                        principalTable: "campaigns",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "post_revisions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    post_id = table.Column<int>(type: "integer", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    slug = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    lead = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    body = table.Column<string>(type: "character varying(100000)", maxLength: 100000, nullable: false),
                    dateline_city = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    hero_image_path = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    hero_caption = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    hero_credit = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    author = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    author_id = table.Column<Guid>(type: "uuid", nullable: true),
                    editor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    editor_id = table.Column<Guid>(type: "uuid", nullable: true),
                    tags = table.Column<string[]>(type: "text[]", nullable: false),
                    campaign_id = table.Column<int>(type: "integer", nullable: true),
                    related_post_ids = table.Column<int[]>(type: "integer[]", nullable: false),
                    state = table.Column<int>(type: "integer", nullable: false),
                    saved_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    saved_by_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    saved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    restored_from = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_post_revisions", x => x.id);
                    table.ForeignKey(
                        name: "fk_post_revisions_posts_post_id",
                        column: x => x.post_id,
                        principalTable: "posts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "post_slug_history",
                columns: table => new
                {
                    slug = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    post_id = table.Column<int>(type: "integer", nullable: false),
                    retired_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_post_slug_history", x => x.slug);
                    table.ForeignKey(
                        name: "fk_post_slug_history_posts_post_id",
                        column: x => x.post_id,
                        principalTable: "posts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "post_views",
                columns: table => new
                {
                    post_id = table.Column<int>(type: "integer", nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    views = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_post_views", x => new { x.post_id, x.day });
                    table.ForeignKey(
                        name: "fk_post_views_posts_post_id",
                        column: x => x.post_id,
                        principalTable: "posts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_posts_author_id",
                table: "posts",
                column: "author_id");

            migrationBuilder.CreateIndex(
                name: "ix_posts_editor_id",
                table: "posts",
                column: "editor_id");

            migrationBuilder.CreateIndex(
                name: "ix_posts_scheduled_for",
                table: "posts",
                column: "scheduled_for",
                filter: "state = 3");

            migrationBuilder.CreateIndex(
                name: "ix_campaign_featured_ikms_featured_ikms_id",
                table: "campaign_featured_ikms",
                column: "featured_ikms_id");

            migrationBuilder.CreateIndex(
                name: "ix_campaign_featured_products_featured_products_id",
                table: "campaign_featured_products",
                column: "featured_products_id");

            migrationBuilder.CreateIndex(
                name: "ix_campaign_slug_history_campaign_id",
                table: "campaign_slug_history",
                column: "campaign_id");

            migrationBuilder.CreateIndex(
                name: "ix_post_revisions_post_id_number",
                table: "post_revisions",
                columns: new[] { "post_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_post_slug_history_post_id",
                table: "post_slug_history",
                column: "post_id");

            migrationBuilder.CreateIndex(
                name: "ix_post_views_day",
                table: "post_views",
                column: "day");

            migrationBuilder.AddForeignKey(
                name: "fk_posts_users_author_id",
                table: "posts",
                column: "author_id",
                principalTable: "users",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "fk_posts_users_editor_id",
                table: "posts",
                column: "editor_id",
                principalTable: "users",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_posts_users_author_id",
                table: "posts");

            migrationBuilder.DropForeignKey(
                name: "fk_posts_users_editor_id",
                table: "posts");

            migrationBuilder.DropTable(
                name: "campaign_featured_ikms");

            migrationBuilder.DropTable(
                name: "campaign_featured_products");

            migrationBuilder.DropTable(
                name: "campaign_slug_history");

            migrationBuilder.DropTable(
                name: "post_revisions");

            migrationBuilder.DropTable(
                name: "post_slug_history");

            migrationBuilder.DropTable(
                name: "post_views");

            migrationBuilder.DropIndex(
                name: "ix_posts_author_id",
                table: "posts");

            migrationBuilder.DropIndex(
                name: "ix_posts_editor_id",
                table: "posts");

            migrationBuilder.DropIndex(
                name: "ix_posts_scheduled_for",
                table: "posts");

            migrationBuilder.DropColumn(
                name: "author_id",
                table: "posts");

            migrationBuilder.DropColumn(
                name: "editor_id",
                table: "posts");

            migrationBuilder.DropColumn(
                name: "related_post_ids",
                table: "posts");

            migrationBuilder.DropColumn(
                name: "scheduled_for",
                table: "posts");
        }
    }
}
