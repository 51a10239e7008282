using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartSpot.Web.Storage.Migrations
{
    /// <inheritdoc />
    public partial class StreamGaps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "FollowsGap",
                table: "TimelinePoints",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FollowsGap",
                table: "TimelinePoints");
        }
    }
}
