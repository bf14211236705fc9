using Withings.Portal.CircuitFloor.Components;

// Only what an interactive server island needs: Razor components, the circuit, antiforgery, blazor.web.js.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddRazorComponents().AddInteractiveServerComponents();

var app = builder.Build();
app.UseAntiforgery();
app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.Run();
