using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Withings.Portal.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class HelpContentFeedbackAndSearchMisses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PageFeedback",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PageRoute = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    VisitorKey = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Helpful = table.Column<bool>(type: "bit", nullable: false),
                    Comment = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PageFeedback", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SearchMiss",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Query = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Count = table.Column<int>(type: "int", nullable: false),
                    FirstSeenAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    LastSeenAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchMiss", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PageFeedback_CreatedAt",
                table: "PageFeedback",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_PageFeedback_PageRoute_VisitorKey",
                table: "PageFeedback",
                columns: new[] { "PageRoute", "VisitorKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SearchMiss_LastSeenAt",
                table: "SearchMiss",
                column: "LastSeenAt");

            migrationBuilder.CreateIndex(
                name: "IX_SearchMiss_Query",
                table: "SearchMiss",
                column: "Query",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PageFeedback");

            migrationBuilder.DropTable(
                name: "SearchMiss");
        }
    }
}
