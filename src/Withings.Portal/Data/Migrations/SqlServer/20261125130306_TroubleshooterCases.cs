using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Withings.Portal.Data.Migrations.SqlServer
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
                    Id = table.Column<string>(type: "varchar(26)", unicode: false, maxLength: 26, nullable: false),
                    Text = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Diagnoses = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    TopicId = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: true),
                    StepPath = table.Column<string>(type: "varchar(1000)", unicode: false, maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "datetime2", nullable: false)
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
