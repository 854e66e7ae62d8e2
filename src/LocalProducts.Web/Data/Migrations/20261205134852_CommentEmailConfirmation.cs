using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LocalProducts.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class CommentEmailConfirmation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "confirmation_hash",
                table: "comments",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "email_confirmed_at",
                table: "comments",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "confirmation_hash",
                table: "comments");

            migrationBuilder.DropColumn(
                name: "email_confirmed_at",
                table: "comments");
        }
    }
}
