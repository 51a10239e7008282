using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartSpot.Web.Storage.Migrations
{
    /// <inheritdoc />
    public partial class Lots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "X1",
                table: "Spots",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "X2",
                table: "Spots",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "X3",
                table: "Spots",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "X4",
                table: "Spots",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Y1",
                table: "Spots",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Y2",
                table: "Spots",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Y3",
                table: "Spots",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Y4",
                table: "Spots",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "LotId",
                table: "Sessions",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.CreateTable(
                name: "Lots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    VideoFileName = table.Column<string>(type: "TEXT", nullable: false),
                    VideoPath = table.Column<string>(type: "TEXT", nullable: false),
                    LiveUrl = table.Column<string>(type: "TEXT", nullable: true),
                    FrameWidth = table.Column<int>(type: "INTEGER", nullable: false),
                    FrameHeight = table.Column<int>(type: "INTEGER", nullable: false),
                    Speed = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Lots", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LotSpots",
                columns: table => new
                {
                    LotId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SpotId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    X1 = table.Column<double>(type: "REAL", nullable: false),
                    Y1 = table.Column<double>(type: "REAL", nullable: false),
                    X2 = table.Column<double>(type: "REAL", nullable: false),
                    Y2 = table.Column<double>(type: "REAL", nullable: false),
                    X3 = table.Column<double>(type: "REAL", nullable: false),
                    Y3 = table.Column<double>(type: "REAL", nullable: false),
                    X4 = table.Column<double>(type: "REAL", nullable: false),
                    Y4 = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LotSpots", x => new { x.LotId, x.SpotId });
                    table.ForeignKey(
                        name: "FK_LotSpots_Lots_LotId",
                        column: x => x.LotId,
                        principalTable: "Lots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Zones",
                columns: table => new
                {
                    LotId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ZoneId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Zones", x => new { x.LotId, x.ZoneId });
                    table.ForeignKey(
                        name: "FK_Zones_Lots_LotId",
                        column: x => x.LotId,
                        principalTable: "Lots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ZoneSpots",
                columns: table => new
                {
                    LotId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ZoneId = table.Column<int>(type: "INTEGER", nullable: false),
                    SpotId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ZoneSpots", x => new { x.LotId, x.ZoneId, x.SpotId });
                    table.ForeignKey(
                        name: "FK_ZoneSpots_Zones_LotId_ZoneId",
                        columns: x => new { x.LotId, x.ZoneId },
                        principalTable: "Zones",
                        principalColumns: new[] { "LotId", "ZoneId" },
                        onDelete: ReferentialAction.Cascade);
                });

            // Every analysis SmartSpot made before lots becomes a lot of its own (same id, name, video, frame size and
            // spots; its speed is the lot's, 0 = as fast as possible), and runs on it: nothing is lost, nothing is shared.
            migrationBuilder.Sql("""
                INSERT INTO "Lots" ("Id", "Name", "CreatedAt", "UpdatedAt", "Kind", "VideoFileName", "VideoPath", "LiveUrl", "FrameWidth", "FrameHeight", "Speed")
                SELECT "Id", "Name", "CreatedAt", "CreatedAt", "Kind", "VideoFileName", "VideoPath", NULL, "Width", "Height", COALESCE("Speed", 0) FROM "Sessions";
                """);
            migrationBuilder.Sql("""UPDATE "Sessions" SET "LotId" = "Id";""");
            migrationBuilder.Sql("""
                INSERT INTO "LotSpots" ("LotId", "SpotId", "Name", "X1", "Y1", "X2", "Y2", "X3", "Y3", "X4", "Y4")
                SELECT "SessionId", "SpotId", CAST("SpotId" AS TEXT), "X", "Y", "X" + "Width", "Y", "X" + "Width", "Y" + "Height", "X", "Y" + "Height" FROM "Spots";
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_LotId",
                table: "Sessions",
                column: "LotId");

            migrationBuilder.CreateIndex(
                name: "IX_Lots_CreatedAt",
                table: "Lots",
                column: "CreatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LotSpots");

            migrationBuilder.DropTable(
                name: "ZoneSpots");

            migrationBuilder.DropTable(
                name: "Zones");

            migrationBuilder.DropTable(
                name: "Lots");

            migrationBuilder.DropIndex(
                name: "IX_Sessions_LotId",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "X1",
                table: "Spots");

            migrationBuilder.DropColumn(
                name: "X2",
                table: "Spots");

            migrationBuilder.DropColumn(
                name: "X3",
                table: "Spots");

            migrationBuilder.DropColumn(
                name: "X4",
                table: "Spots");

            migrationBuilder.DropColumn(
                name: "Y1",
                table: "Spots");

            migrationBuilder.DropColumn(
                name: "Y2",
                table: "Spots");

            migrationBuilder.DropColumn(
                name: "Y3",
                table: "Spots");

            migrationBuilder.DropColumn(
                name: "Y4",
                table: "Spots");

            migrationBuilder.DropColumn(
                name: "LotId",
                table: "Sessions");
        }
    }
}
