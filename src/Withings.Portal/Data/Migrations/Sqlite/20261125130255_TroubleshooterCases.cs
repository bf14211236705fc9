using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Withings.Portal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TroubleshooterCases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TroubleshooterCases",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", unicode: false, maxLength: 26, nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    Diagnoses = table.Column<string>(type: "TEXT", nullable: false),
                    TopicId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: true),
                    StepPath = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TroubleshooterCases", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TroubleshooterCases_ExpiresAt",
                table: "TroubleshooterCases",
                column: "ExpiresAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TroubleshooterCases");
        }
    }
}
