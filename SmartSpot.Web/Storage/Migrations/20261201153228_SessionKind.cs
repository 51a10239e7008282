using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartSpot.Web.Storage.Migrations
{
    /// <inheritdoc />
    public partial class SessionKind : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "Sessions",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Upload");

            // SmartSpot 1 kept the demo lot's absolute path: a session of it is a Demo session.
            migrationBuilder.Sql("UPDATE \"Sessions\" SET \"Kind\" = 'Demo' WHERE \"VideoPath\" LIKE '%/demo/demo-lot.mp4' OR \"VideoPath\" LIKE '%\\demo\\demo-lot.mp4';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Kind",
                table: "Sessions");
        }
    }
}
