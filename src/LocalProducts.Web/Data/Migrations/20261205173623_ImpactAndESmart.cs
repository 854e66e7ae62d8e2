using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace LocalProducts.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ImpactAndESmart : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "e_smart_alumni_since",
                table: "ikms",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "campaign_impact_plans",
                columns: table => new
                {
                    campaign_id = table.Column<int>(type: "integer", nullable: false),
                    period_start = table.Column<DateOnly>(type: "date", nullable: false),
                    period_end = table.Column<DateOnly>(type: "date", nullable: false),
                    baseline_start = table.Column<DateOnly>(type: "date", nullable: false),
                    baseline_end = table.Column<DateOnly>(type: "date", nullable: false),
                    pre_campaign_months = table.Column<int>(type: "integer", nullable: false),
                    covered_category_ids = table.Column<List<int>>(type: "integer[]", nullable: false),
                    control_category_ids = table.Column<List<int>>(type: "integer[]", nullable: false),
                    note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    is_published = table.Column<bool>(type: "boolean", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<Guid>(type: "uuid", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_campaign_impact_plans", x => x.campaign_id);
                    table.CheckConstraint("ck_campaign_impact_plans_periods", "period_end >= period_start AND baseline_end >= baseline_start AND baseline_end < period_start");
                    table.ForeignKey(
                        name: "fk_campaign_impact_plans_campaigns_campaign_id",
                        column: x => x.campaign_id,
                        principalTable: "campaigns",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "esmart_cohorts",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    slug = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    starts_on = table.Column<DateOnly>(type: "date", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "date", nullable: false),
                    province_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    capacity = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_esmart_cohorts", x => x.id);
                    table.CheckConstraint("ck_esmart_cohorts_capacity", "capacity BETWEEN 1 AND 10000");
                    table.CheckConstraint("ck_esmart_cohorts_dates", "ends_on >= starts_on");
                    table.ForeignKey(
                        name: "fk_esmart_cohorts_provinces_province_code",
                        column: x => x.province_code,
                        principalTable: "provinces",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "esmart_participants",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ikm_id = table.Column<int>(type: "integer", nullable: true),
                    province_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    category_id = table.Column<int>(type: "integer", nullable: true),
                    registered_on = table.Column<DateOnly>(type: "date", nullable: false),
                    trained_on = table.Column<DateOnly>(type: "date", nullable: true),
                    curated_on = table.Column<DateOnly>(type: "date", nullable: true),
                    source = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_esmart_participants", x => x.id);
                    table.CheckConstraint("ck_esmart_participants_order", "(trained_on IS NULL OR trained_on >= registered_on) AND (curated_on IS NULL OR (trained_on IS NOT NULL AND curated_on >= trained_on))");
                    table.ForeignKey(
                        name: "fk_esmart_participants_categories_category_id",
                        column: x => x.category_id,
                        principalTable: "categories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_esmart_participants_ikms_ikm_id",
                        column: x => x.ikm_id,
                        principalTable: "ikms",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_esmart_participants_provinces_province_code",
                        column: x => x.province_code,
                        principalTable: "provinces",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "sales_imports",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ikm_id = table.Column<int>(type: "integer", nullable: false),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    file_sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    detected_encoding = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    detected_separator = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    detected_number_format = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    state = table.Column<int>(type: "integer", nullable: false),
                    total_rows = table.Column<int>(type: "integer", nullable: false),
                    good_rows = table.Column<int>(type: "integer", nullable: false),
                    bad_rows = table.Column<int>(type: "integer", nullable: false),
                    new_reports = table.Column<int>(type: "integer", nullable: false),
                    corrected_reports = table.Column<int>(type: "integer", nullable: false),
                    held_reports = table.Column<int>(type: "integer", nullable: false),
                    already_stored = table.Column<int>(type: "integer", nullable: false),
                    file_problem = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    created_by = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    problems = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sales_imports", x => x.id);
                    table.ForeignKey(
                        name: "fk_sales_imports_ikms_ikm_id",
                        column: x => x.ikm_id,
                        principalTable: "ikms",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "esmart_applications",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    cohort_id = table.Column<int>(type: "integer", nullable: false),
                    ikm_id = table.Column<int>(type: "integer", nullable: false),
                    state = table.Column<int>(type: "integer", nullable: false),
                    applied_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    applied_by = table.Column<Guid>(type: "uuid", nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    decided_by = table.Column<Guid>(type: "uuid", nullable: true),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_esmart_applications", x => x.id);
                    table.ForeignKey(
                        name: "fk_esmart_applications_e_smart_cohorts_cohort_id",
                        column: x => x.cohort_id,
                        principalTable: "esmart_cohorts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_esmart_applications_ikms_ikm_id",
                        column: x => x.ikm_id,
                        principalTable: "ikms",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "esmart_cohort_modules",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    cohort_id = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    name_en = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    sort_order = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_esmart_cohort_modules", x => x.id);
                    table.ForeignKey(
                        name: "fk_esmart_cohort_modules_esmart_cohorts_cohort_id",
                        column: x => x.cohort_id,
                        principalTable: "esmart_cohorts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sales_reports",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ikm_id = table.Column<int>(type: "integer", nullable: false),
                    product_id = table.Column<int>(type: "integer", nullable: true),
                    category_id = table.Column<int>(type: "integer", nullable: false),
                    channel = table.Column<int>(type: "integer", nullable: false),
                    period_kind = table.Column<int>(type: "integer", nullable: false),
                    period_start = table.Column<DateOnly>(type: "date", nullable: false),
                    units = table.Column<int>(type: "integer", nullable: false),
                    revenue_rupiah = table.Column<long>(type: "bigint", nullable: false),
                    state = table.Column<int>(type: "integer", nullable: false),
                    hold_reason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    review_note = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    reviewed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    reviewed_by = table.Column<Guid>(type: "uuid", nullable: true),
                    reported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<Guid>(type: "uuid", nullable: true),
                    import_id = table.Column<int>(type: "integer", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sales_reports", x => x.id);
                    table.CheckConstraint("ck_sales_reports_figures", "units >= 0 AND units <= 10000000 AND revenue_rupiah >= 0 AND revenue_rupiah <= 50000000000");
                    table.CheckConstraint("ck_sales_reports_month_start", "period_kind = 1 OR extract(day from period_start) = 1");
                    table.ForeignKey(
                        name: "fk_sales_reports_categories_category_id",
                        column: x => x.category_id,
                        principalTable: "categories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_sales_reports_ikms_ikm_id",
                        column: x => x.ikm_id,
                        principalTable: "ikms",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_sales_reports_products_product_id",
                        column: x => x.product_id,
                        principalTable: "products",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_sales_reports_sales_imports_import_id",
                        column: x => x.import_id,
                        principalTable: "sales_imports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "esmart_module_completions",
                columns: table => new
                {
                    application_id = table.Column<int>(type: "integer", nullable: false),
                    module_id = table.Column<int>(type: "integer", nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_esmart_module_completions", x => new { x.application_id, x.module_id });
                    table.ForeignKey(
                        name: "fk_esmart_module_completions_esmart_applications_application_id",
                        column: x => x.application_id,
                        principalTable: "esmart_applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_esmart_module_completions_esmart_cohort_modules_module_id",
                        column: x => x.module_id,
                        principalTable: "esmart_cohort_modules",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sales_report_revisions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    report_id = table.Column<long>(type: "bigint", nullable: false),
                    units = table.Column<int>(type: "integer", nullable: false),
                    revenue_rupiah = table.Column<long>(type: "bigint", nullable: false),
                    state = table.Column<int>(type: "integer", nullable: false),
                    reason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    by = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sales_report_revisions", x => x.id);
                    table.ForeignKey(
                        name: "fk_sales_report_revisions_sales_reports_report_id",
                        column: x => x.report_id,
                        principalTable: "sales_reports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_ikms_e_smart_alumni_since",
                table: "ikms",
                column: "e_smart_alumni_since",
                filter: "e_smart_alumni_since IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_esmart_applications_cohort_id_ikm_id",
                table: "esmart_applications",
                columns: new[] { "cohort_id", "ikm_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_esmart_applications_cohort_id_state",
                table: "esmart_applications",
                columns: new[] { "cohort_id", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_esmart_applications_ikm_id",
                table: "esmart_applications",
                column: "ikm_id");

            migrationBuilder.CreateIndex(
                name: "ix_esmart_cohort_modules_cohort_id_name",
                table: "esmart_cohort_modules",
                columns: new[] { "cohort_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_esmart_cohorts_province_code",
                table: "esmart_cohorts",
                column: "province_code");

            migrationBuilder.CreateIndex(
                name: "ix_esmart_cohorts_slug",
                table: "esmart_cohorts",
                column: "slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_esmart_cohorts_starts_on",
                table: "esmart_cohorts",
                column: "starts_on");

            migrationBuilder.CreateIndex(
                name: "ix_esmart_module_completions_module_id",
                table: "esmart_module_completions",
                column: "module_id");

            migrationBuilder.CreateIndex(
                name: "ix_esmart_participants_category_id",
                table: "esmart_participants",
                column: "category_id");

            migrationBuilder.CreateIndex(
                name: "ix_esmart_participants_ikm_id",
                table: "esmart_participants",
                column: "ikm_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_esmart_participants_province_code",
                table: "esmart_participants",
                column: "province_code");

            migrationBuilder.CreateIndex(
                name: "ix_esmart_participants_registered_on",
                table: "esmart_participants",
                column: "registered_on");

            migrationBuilder.CreateIndex(
                name: "ix_sales_imports_ikm_id_created_at",
                table: "sales_imports",
                columns: new[] { "ikm_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_sales_imports_ikm_id_file_sha256",
                table: "sales_imports",
                columns: new[] { "ikm_id", "file_sha256" });

            migrationBuilder.CreateIndex(
                name: "ix_sales_report_revisions_report_id_at",
                table: "sales_report_revisions",
                columns: new[] { "report_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_sales_reports_category_id_period_start_ikm_id",
                table: "sales_reports",
                columns: new[] { "category_id", "period_start", "ikm_id" },
                filter: "state = 1")
                .Annotation("Npgsql:IndexInclude", new[] { "period_kind", "revenue_rupiah", "units" });

            migrationBuilder.CreateIndex(
                name: "ix_sales_reports_ikm_id_product_id_category_id_channel_period_",
                table: "sales_reports",
                columns: new[] { "ikm_id", "product_id", "category_id", "channel", "period_kind", "period_start" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "ix_sales_reports_import_id",
                table: "sales_reports",
                column: "import_id");

            migrationBuilder.CreateIndex(
                name: "ix_sales_reports_product_id",
                table: "sales_reports",
                column: "product_id");

            migrationBuilder.CreateIndex(
                name: "ix_sales_reports_state",
                table: "sales_reports",
                column: "state",
                filter: "state = 2");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "campaign_impact_plans");

            migrationBuilder.DropTable(
                name: "esmart_module_completions");

            migrationBuilder.DropTable(
                name: "esmart_participants");

            migrationBuilder.DropTable(
                name: "sales_report_revisions");

            migrationBuilder.DropTable(
                name: "esmart_applications");

            migrationBuilder.DropTable(
                name: "esmart_cohort_modules");

            migrationBuilder.DropTable(
                name: "sales_reports");

            migrationBuilder.DropTable(
                name: "esmart_cohorts");

            migrationBuilder.DropTable(
                name: "sales_imports");

            migrationBuilder.DropIndex(
                name: "ix_ikms_e_smart_alumni_since",
                table: "ikms");

            migrationBuilder.DropColumn(
                name: "e_smart_alumni_since",
                table: "ikms");
        }
    }
}
