using LocalProducts.Web.Domain;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LocalProducts.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class EventRegistrationConfirmation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "confirmation_hash",
                table: "event_registrations",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "email_confirmed_at",
                table: "event_registrations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "hold_expires_at",
                table: "event_registrations",
                type: "timestamp with time zone",
                nullable: true);

            // Sign-ups from before confirmation links keep what they had: their address counts as
            // confirmed, so the waiting list still moves up.
            migrationBuilder.Sql($"UPDATE event_registrations SET email_confirmed_at = registered_at WHERE status IN ({(int)RegistrationStatus.Confirmed}, {(int)RegistrationStatus.Waitlisted})");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "confirmation_hash",
                table: "event_registrations");

            migrationBuilder.DropColumn(
                name: "email_confirmed_at",
                table: "event_registrations");

            migrationBuilder.DropColumn(
                name: "hold_expires_at",
                table: "event_registrations");
        }
    }
}
