using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LocalProducts.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AccountHardening : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "last_authenticator_step",
                table: "users",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "two_factor_enrolment_expires_at",
                table: "users",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "two_factor_enrolment_token_hash",
                table: "users",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ended_sessions",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ended_sessions", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_ended_sessions_expires_at",
                table: "ended_sessions",
                column: "expires_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ended_sessions");

            migrationBuilder.DropColumn(
                name: "last_authenticator_step",
                table: "users");

            migrationBuilder.DropColumn(
                name: "two_factor_enrolment_expires_at",
                table: "users");

            migrationBuilder.DropColumn(
                name: "two_factor_enrolment_token_hash",
                table: "users");
        }
    }
}
