using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace LocalProducts.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class MelokalRounds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "influencer_rounds",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    campaign_id = table.Column<int>(type: "integer", nullable: false),
                    event_id = table.Column<int>(type: "integer", nullable: true),
                    slug = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    window_starts_on = table.Column<DateOnly>(type: "date", nullable: false),
                    window_days = table.Column<int>(type: "integer", nullable: false),
                    platforms = table.Column<int[]>(type: "integer[]", nullable: false),
                    score_video_by_views = table.Column<bool>(type: "boolean", nullable: false),
                    minimum_posts = table.Column<int>(type: "integer", nullable: false),
                    promoted_product_ids = table.Column<int[]>(type: "integer[]", nullable: false),
                    promoted_category_ids = table.Column<int[]>(type: "integer[]", nullable: false),
                    follower_jump_share = table.Column<decimal>(type: "numeric(6,4)", precision: 6, scale: 4, nullable: false),
                    follower_jump_per_day = table.Column<int>(type: "integer", nullable: false),
                    rules = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    state = table.Column<int>(type: "integer", nullable: false),
                    finalised_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    changed_after_final_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    announcement_post_id = table.Column<int>(type: "integer", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_influencer_rounds", x => x.id);
                    table.CheckConstraint("ck_influencer_rounds_minimum_posts", "minimum_posts BETWEEN 1 AND 100");
                    table.CheckConstraint("ck_influencer_rounds_window_days", "window_days BETWEEN 1 AND 60");
                    table.ForeignKey(
                        name: "fk_influencer_rounds_campaigns_campaign_id",
                        column: x => x.campaign_id,
                        principalTable: "campaigns",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_influencer_rounds_events_event_id",
                        column: x => x.event_id,
                        principalTable: "events",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_influencer_rounds_posts_announcement_post_id",
                        column: x => x.announcement_post_id,
                        principalTable: "posts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "influencers",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    city = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    email_key = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    whats_app = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_influencers", x => x.id);
                    table.ForeignKey(
                        name: "fk_influencers_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "metric_imports",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    round_id = table.Column<int>(type: "integer", nullable: false),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    file_sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    content_length = table.Column<long>(type: "bigint", nullable: false),
                    detected_encoding = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    detected_separator = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    detected_number_format = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    state = table.Column<int>(type: "integer", nullable: false),
                    total_rows = table.Column<int>(type: "integer", nullable: false),
                    processed_rows = table.Column<int>(type: "integer", nullable: false),
                    good_rows = table.Column<int>(type: "integer", nullable: false),
                    bad_rows = table.Column<int>(type: "integer", nullable: false),
                    warning_rows = table.Column<int>(type: "integer", nullable: false),
                    new_posts = table.Column<int>(type: "integer", nullable: false),
                    new_snapshots = table.Column<int>(type: "integer", nullable: false),
                    already_stored = table.Column<int>(type: "integer", nullable: false),
                    import_good_rows = table.Column<bool>(type: "boolean", nullable: false),
                    created_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    heartbeat_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    file_problem = table.Column<string>(type: "jsonb", nullable: true),
                    problems = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_metric_imports", x => x.id);
                    table.ForeignKey(
                        name: "fk_metric_imports_influencer_rounds_round_id",
                        column: x => x.round_id,
                        principalTable: "influencer_rounds",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "round_prizes",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    round_id = table.Column<int>(type: "integer", nullable: false),
                    rank = table.Column<int>(type: "integer", nullable: false),
                    description = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    value_rupiah = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_round_prizes", x => x.id);
                    table.CheckConstraint("ck_round_prizes_value", "value_rupiah >= 0 AND rank > 0");
                    table.ForeignKey(
                        name: "fk_round_prizes_influencer_rounds_round_id",
                        column: x => x.round_id,
                        principalTable: "influencer_rounds",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "round_state_changes",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    round_id = table.Column<int>(type: "integer", nullable: false),
                    from = table.Column<int>(type: "integer", nullable: false),
                    to = table.Column<int>(type: "integer", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_round_state_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_round_state_changes_influencer_rounds_round_id",
                        column: x => x.round_id,
                        principalTable: "influencer_rounds",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "round_entries",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    round_id = table.Column<int>(type: "integer", nullable: false),
                    influencer_id = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    signed_up_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    email_confirmed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    confirmation_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    decided_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    decline_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    submission_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    exclusion_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    event_registration_id = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_round_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_round_entries_event_registrations_event_registration_id",
                        column: x => x.event_registration_id,
                        principalTable: "event_registrations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_round_entries_influencer_rounds_round_id",
                        column: x => x.round_id,
                        principalTable: "influencer_rounds",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_round_entries_influencers_influencer_id",
                        column: x => x.influencer_id,
                        principalTable: "influencers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "entry_handles",
                columns: table => new
                {
                    entry_id = table.Column<int>(type: "integer", nullable: false),
                    platform = table.Column<int>(type: "integer", nullable: false),
                    round_id = table.Column<int>(type: "integer", nullable: false),
                    handle = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    handle_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    followers = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_entry_handles", x => new { x.entry_id, x.platform });
                    table.CheckConstraint("ck_entry_handles_followers", "followers >= 0");
                    table.ForeignKey(
                        name: "fk_entry_handles_influencer_rounds_round_id",
                        column: x => x.round_id,
                        principalTable: "influencer_rounds",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_entry_handles_round_entries_entry_id",
                        column: x => x.entry_id,
                        principalTable: "round_entries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "influencer_links",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    entry_id = table.Column<int>(type: "integer", nullable: false),
                    product_id = table.Column<int>(type: "integer", nullable: true),
                    ikm_id = table.Column<int>(type: "integer", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_influencer_links", x => x.code);
                    table.CheckConstraint("ck_influencer_links_target", "(product_id IS NULL) <> (ikm_id IS NULL)");
                    table.ForeignKey(
                        name: "fk_influencer_links_ikms_ikm_id",
                        column: x => x.ikm_id,
                        principalTable: "ikms",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_influencer_links_products_product_id",
                        column: x => x.product_id,
                        principalTable: "products",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_influencer_links_round_entries_entry_id",
                        column: x => x.entry_id,
                        principalTable: "round_entries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "round_posts",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    round_id = table.Column<int>(type: "integer", nullable: false),
                    entry_id = table.Column<int>(type: "integer", nullable: false),
                    platform = table.Column<int>(type: "integer", nullable: false),
                    url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    url_key = table.Column<string>(type: "character varying(520)", maxLength: 520, nullable: false),
                    posted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    product_id = table.Column<int>(type: "integer", nullable: true),
                    source = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    exclusion_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_round_posts", x => x.id);
                    table.ForeignKey(
                        name: "fk_round_posts_influencer_rounds_round_id",
                        column: x => x.round_id,
                        principalTable: "influencer_rounds",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_round_posts_products_product_id",
                        column: x => x.product_id,
                        principalTable: "products",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_round_posts_round_entries_entry_id",
                        column: x => x.entry_id,
                        principalTable: "round_entries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "round_results",
                columns: table => new
                {
                    round_id = table.Column<int>(type: "integer", nullable: false),
                    entry_id = table.Column<int>(type: "integer", nullable: false),
                    rank = table.Column<int>(type: "integer", nullable: true),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    handles = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: false),
                    posts = table.Column<int>(type: "integer", nullable: false),
                    scored_posts = table.Column<int>(type: "integer", nullable: false),
                    median_rate = table.Column<double>(type: "double precision", nullable: true),
                    mean_rate = table.Column<double>(type: "double precision", nullable: true),
                    engagements = table.Column<long>(type: "bigint", nullable: false),
                    first_post_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    link_clicks = table.Column<int>(type: "integer", nullable: false),
                    flags_cleared = table.Column<int>(type: "integer", nullable: false),
                    unranked = table.Column<int>(type: "integer", nullable: true),
                    prize = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    prize_value_rupiah = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_round_results", x => new { x.round_id, x.entry_id });
                    table.ForeignKey(
                        name: "fk_round_results_influencer_rounds_round_id",
                        column: x => x.round_id,
                        principalTable: "influencer_rounds",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_round_results_round_entries_entry_id",
                        column: x => x.entry_id,
                        principalTable: "round_entries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "influencer_link_clicks",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    clicks = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_influencer_link_clicks", x => new { x.code, x.day });
                    table.ForeignKey(
                        name: "fk_influencer_link_clicks_influencer_links_code",
                        column: x => x.code,
                        principalTable: "influencer_links",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "metric_snapshots",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    post_id = table.Column<long>(type: "bigint", nullable: false),
                    taken_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    followers = table.Column<int>(type: "integer", nullable: true),
                    likes = table.Column<int>(type: "integer", nullable: true),
                    comments = table.Column<int>(type: "integer", nullable: true),
                    shares = table.Column<int>(type: "integer", nullable: true),
                    saves = table.Column<int>(type: "integer", nullable: true),
                    views = table.Column<int>(type: "integer", nullable: true),
                    source = table.Column<int>(type: "integer", nullable: false),
                    import_id = table.Column<int>(type: "integer", nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_metric_snapshots", x => x.id);
                    table.CheckConstraint("ck_metric_snapshots_not_negative", "coalesce(followers, 0) >= 0 AND coalesce(likes, 0) >= 0 AND coalesce(comments, 0) >= 0 AND coalesce(shares, 0) >= 0 AND coalesce(saves, 0) >= 0 AND coalesce(views, 0) >= 0");
                    table.ForeignKey(
                        name: "fk_metric_snapshots_metric_imports_import_id",
                        column: x => x.import_id,
                        principalTable: "metric_imports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_metric_snapshots_round_posts_post_id",
                        column: x => x.post_id,
                        principalTable: "round_posts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "round_flags",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    round_id = table.Column<int>(type: "integer", nullable: false),
                    rule = table.Column<int>(type: "integer", nullable: false),
                    entry_id = table.Column<int>(type: "integer", nullable: false),
                    post_id = table.Column<long>(type: "bigint", nullable: true),
                    platform = table.Column<int>(type: "integer", nullable: true),
                    observed = table.Column<double>(type: "double precision", nullable: false),
                    limit = table.Column<double>(type: "double precision", nullable: false),
                    figures = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: false),
                    raised_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    resolution = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    resolved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    resolved_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_round_flags", x => x.id);
                    table.ForeignKey(
                        name: "fk_round_flags_influencer_rounds_round_id",
                        column: x => x.round_id,
                        principalTable: "influencer_rounds",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_round_flags_round_entries_entry_id",
                        column: x => x.entry_id,
                        principalTable: "round_entries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_round_flags_round_posts_post_id",
                        column: x => x.post_id,
                        principalTable: "round_posts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_entry_handles_round_id_platform_handle_key",
                table: "entry_handles",
                columns: new[] { "round_id", "platform", "handle_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_influencer_links_entry_id_product_id_ikm_id",
                table: "influencer_links",
                columns: new[] { "entry_id", "product_id", "ikm_id" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "ix_influencer_links_ikm_id",
                table: "influencer_links",
                column: "ikm_id");

            migrationBuilder.CreateIndex(
                name: "ix_influencer_links_product_id",
                table: "influencer_links",
                column: "product_id");

            migrationBuilder.CreateIndex(
                name: "ix_influencer_rounds_announcement_post_id",
                table: "influencer_rounds",
                column: "announcement_post_id");

            migrationBuilder.CreateIndex(
                name: "ix_influencer_rounds_campaign_id_slug",
                table: "influencer_rounds",
                columns: new[] { "campaign_id", "slug" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_influencer_rounds_event_id",
                table: "influencer_rounds",
                column: "event_id");

            migrationBuilder.CreateIndex(
                name: "ix_influencer_rounds_state_window_starts_on",
                table: "influencer_rounds",
                columns: new[] { "state", "window_starts_on" });

            migrationBuilder.CreateIndex(
                name: "ix_influencers_email_key",
                table: "influencers",
                column: "email_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_influencers_user_id",
                table: "influencers",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_metric_imports_round_id_created_at",
                table: "metric_imports",
                columns: new[] { "round_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_metric_imports_state",
                table: "metric_imports",
                column: "state",
                filter: "state IN (1, 2, 4)");

            migrationBuilder.CreateIndex(
                name: "ix_metric_snapshots_import_id",
                table: "metric_snapshots",
                column: "import_id");

            migrationBuilder.CreateIndex(
                name: "ix_metric_snapshots_post_id_taken_at",
                table: "metric_snapshots",
                columns: new[] { "post_id", "taken_at" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_round_entries_event_registration_id",
                table: "round_entries",
                column: "event_registration_id");

            migrationBuilder.CreateIndex(
                name: "ix_round_entries_influencer_id",
                table: "round_entries",
                column: "influencer_id");

            migrationBuilder.CreateIndex(
                name: "ix_round_entries_round_id_influencer_id",
                table: "round_entries",
                columns: new[] { "round_id", "influencer_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_round_entries_round_id_status",
                table: "round_entries",
                columns: new[] { "round_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_round_flags_entry_id",
                table: "round_flags",
                column: "entry_id");

            migrationBuilder.CreateIndex(
                name: "ix_round_flags_post_id",
                table: "round_flags",
                column: "post_id");

            migrationBuilder.CreateIndex(
                name: "ix_round_flags_round_id_rule_entry_id_platform_post_id",
                table: "round_flags",
                columns: new[] { "round_id", "rule", "entry_id", "platform", "post_id" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "ix_round_flags_round_id_status",
                table: "round_flags",
                columns: new[] { "round_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_round_posts_entry_id_platform_url_key",
                table: "round_posts",
                columns: new[] { "entry_id", "platform", "url_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_round_posts_product_id",
                table: "round_posts",
                column: "product_id");

            migrationBuilder.CreateIndex(
                name: "ix_round_posts_round_id_url_key",
                table: "round_posts",
                columns: new[] { "round_id", "url_key" });

            migrationBuilder.CreateIndex(
                name: "ix_round_prizes_round_id_rank",
                table: "round_prizes",
                columns: new[] { "round_id", "rank" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_round_results_entry_id",
                table: "round_results",
                column: "entry_id");

            migrationBuilder.CreateIndex(
                name: "ix_round_state_changes_round_id_at",
                table: "round_state_changes",
                columns: new[] { "round_id", "at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "entry_handles");

            migrationBuilder.DropTable(
                name: "influencer_link_clicks");

            migrationBuilder.DropTable(
                name: "metric_snapshots");

            migrationBuilder.DropTable(
                name: "round_flags");

            migrationBuilder.DropTable(
                name: "round_prizes");

            migrationBuilder.DropTable(
                name: "round_results");

            migrationBuilder.DropTable(
                name: "round_state_changes");

            migrationBuilder.DropTable(
                name: "influencer_links");

            migrationBuilder.DropTable(
                name: "metric_imports");

            migrationBuilder.DropTable(
                name: "round_posts");

            migrationBuilder.DropTable(
                name: "round_entries");

            migrationBuilder.DropTable(
                name: "influencer_rounds");

            migrationBuilder.DropTable(
                name: "influencers");
        }
    }
}
