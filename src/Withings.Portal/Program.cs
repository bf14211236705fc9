var builder = WebApplication.CreateBuilder(args);

builder.AddPortalData();
builder.AddPortalShell();
builder.AddPortalContent();
builder.AddPortalHealth();

var app = builder.Build();

app.UsePortalShell();

app.MapPortalShell();
app.MapPortalContent();
app.MapPortalHealth();

app.Run();
