using CorsFunctions.App.Api;
using CorsFunctions.App.Diagnostics;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
FunctionsApp.Compose(builder);
builder.Build().Run();

/// <summary>What the worker is made of, in one place (the tests compose the same app).</summary>
internal static class FunctionsApp
{
    /// <summary>Adds CorsFunctions first in the pipeline, then the app's own services.</summary>
    internal static void Compose(FunctionsApplicationBuilder builder)
    {
        builder.UseCorsPolicies();

        builder.Services
            .AddSingleton<ItemStore>()
            .AddOpenTelemetryExport(builder.Configuration);
    }
}
