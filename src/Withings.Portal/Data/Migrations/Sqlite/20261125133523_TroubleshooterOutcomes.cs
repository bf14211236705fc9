using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Withings.Portal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TroubleshooterOutcomes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TroubleshooterOutcome",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TopicId = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    StepId = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Fixed = table.Column<bool>(type: "INTEGER", nullable: false),
                    VisitorKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TroubleshooterOutcome", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TroubleshooterOutcome_TopicId_StepId_VisitorKey",
                table: "TroubleshooterOutcome",
                columns: new[] { "TopicId", "StepId", "VisitorKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TroubleshooterOutcome");
        }
    }
}
