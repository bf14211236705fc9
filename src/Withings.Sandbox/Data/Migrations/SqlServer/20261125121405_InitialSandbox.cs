using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Withings.Sandbox.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class InitialSandbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SandboxAccessTokens",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TokenHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    AppId = table.Column<int>(type: "int", nullable: false),
                    UserId = table.Column<int>(type: "int", nullable: false),
                    Scopes = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    IssuedAt = table.Column<long>(type: "bigint", nullable: false),
                    ExpiresAt = table.Column<long>(type: "bigint", nullable: false),
                    FirstUsedAt = table.Column<long>(type: "bigint", nullable: true),
                    RotatedFromRefreshTokenId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SandboxAccessTokens", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SandboxApps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ClientId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    SecretHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    ProtectedSecret = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    CallbackUrls = table.Column<string>(type: "nvarchar(2600)", maxLength: 2600, nullable: false),
                    RestrictedMode = table.Column<bool>(type: "bit", nullable: false),
                    Origin = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SandboxApps", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SandboxAuthorizationCodes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CodeHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    AppId = table.Column<int>(type: "int", nullable: false),
                    UserId = table.Column<int>(type: "int", nullable: false),
                    RedirectUri = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    Scopes = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    ExpiresAt = table.Column<long>(type: "bigint", nullable: false),
                    UsedAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SandboxAuthorizationCodes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SandboxNonces",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    NonceHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    AppId = table.Column<int>(type: "int", nullable: false),
                    ExpiresAt = table.Column<long>(type: "bigint", nullable: false),
                    UsedAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SandboxNonces", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SandboxNotifySubscriptions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    AppId = table.Column<int>(type: "int", nullable: false),
                    UserId = table.Column<int>(type: "int", nullable: false),
                    Appli = table.Column<int>(type: "int", nullable: false),
                    CallbackUrl = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Comment = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SandboxNotifySubscriptions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SandboxRefreshTokens",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TokenHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    AppId = table.Column<int>(type: "int", nullable: false),
                    UserId = table.Column<int>(type: "int", nullable: false),
                    Scopes = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    IssuedAt = table.Column<long>(type: "bigint", nullable: false),
                    ExpiresAt = table.Column<long>(type: "bigint", nullable: false),
                    RotatedAt = table.Column<long>(type: "bigint", nullable: true),
                    RevokedAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SandboxRefreshTokens", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SandboxUserRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    UserId = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    StartDate = table.Column<long>(type: "bigint", nullable: false),
                    EndDate = table.Column<long>(type: "bigint", nullable: false),
                    Payload = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SandboxUserRecords", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SandboxUsers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    State = table.Column<int>(type: "int", nullable: false),
                    HasSeededData = table.Column<bool>(type: "bit", nullable: false),
                    Timezone = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SandboxUsers", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SandboxAccessTokens_TokenHash",
                table: "SandboxAccessTokens",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SandboxApps_ClientId",
                table: "SandboxApps",
                column: "ClientId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SandboxAuthorizationCodes_CodeHash",
                table: "SandboxAuthorizationCodes",
                column: "CodeHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SandboxNonces_NonceHash",
                table: "SandboxNonces",
                column: "NonceHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SandboxNotifySubscriptions_AppId_UserId_Appli",
                table: "SandboxNotifySubscriptions",
                columns: new[] { "AppId", "UserId", "Appli" });

            migrationBuilder.CreateIndex(
                name: "IX_SandboxRefreshTokens_TokenHash",
                table: "SandboxRefreshTokens",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SandboxUserRecords_UserId_Kind_StartDate",
                table: "SandboxUserRecords",
                columns: new[] { "UserId", "Kind", "StartDate" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SandboxAccessTokens");

            migrationBuilder.DropTable(
                name: "SandboxApps");

            migrationBuilder.DropTable(
                name: "SandboxAuthorizationCodes");

            migrationBuilder.DropTable(
                name: "SandboxNonces");

            migrationBuilder.DropTable(
                name: "SandboxNotifySubscriptions");

            migrationBuilder.DropTable(
                name: "SandboxRefreshTokens");

            migrationBuilder.DropTable(
                name: "SandboxUserRecords");

            migrationBuilder.DropTable(
                name: "SandboxUsers");
        }
    }
}
