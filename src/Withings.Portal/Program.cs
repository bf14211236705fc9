return PortalProcess.Run(args, static args =>
{
    var builder = WebApplication.CreateBuilder(args);

    builder.AddPortalLogging();
    builder.AddPortalTelemetry();
    builder.AddPortalData();
    builder.AddPortalShell();
    builder.AddPortalContent();
    builder.AddPortalWithingsApi();
    builder.AddPortalErrors();
    builder.AddPortalHealth();
    builder.AddTroubleshooting();
    builder.AddPlayground();
    builder.AddSupport();

    var app = builder.Build();

    app.UsePortalLogging();
    app.UsePortalData();
    app.UsePortalShell();

    app.MapPortalShell();
    app.MapPortalContent();
    app.MapPortalWithingsApi();
    app.MapPortalHealth();
    app.MapTroubleshooting();
    app.MapPlayground();
    app.MapSupport();

    return app;
});
