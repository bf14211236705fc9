var builder = WebApplication.CreateBuilder(args);

builder.AddPortalData();
builder.AddPortalShell();
builder.AddPortalHealth();
builder.AddTroubleshooting();

var app = builder.Build();

app.UsePortalShell();

app.MapPortalShell();
app.MapPortalHealth();
app.MapTroubleshooting();

app.Run();
