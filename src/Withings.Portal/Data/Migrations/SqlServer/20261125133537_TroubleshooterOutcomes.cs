using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Withings.Portal.Data.Migrations.SqlServer
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
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TopicId = table.Column<string>(type: "nvarchar(80)", maxLength: 80, nullable: false),
                    StepId = table.Column<string>(type: "nvarchar(80)", maxLength: 80, nullable: false),
                    Fixed = table.Column<bool>(type: "bit", nullable: false),
                    VisitorKey = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
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
