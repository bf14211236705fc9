var builder = WebApplication.CreateBuilder(args);

builder.AddPortalData();
builder.AddPortalShell();
builder.AddPortalHealth();

var app = builder.Build();

app.UsePortalShell();

app.MapPortalShell();
app.MapPortalHealth();

app.Run();
