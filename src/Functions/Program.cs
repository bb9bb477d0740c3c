using CorsFunctions.Functions.Api;
using CorsFunctions.Functions.Diagnostics;
using CorsFunctions.Functions.Middleware;
using CorsFunctions.Functions.Policies;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
FunctionsApp.Compose(builder);
builder.Build().Run();

/// <summary>What the worker is made of, in one place (the tests compose the same app).</summary>
internal static class FunctionsApp
{
    /// <summary>Adds the CORS middleware, the policy store and the app's services.</summary>
    internal static void Compose(FunctionsApplicationBuilder builder)
    {
        // First in the pipeline: preflights are answered before anything else runs.
        builder.UseMiddleware<CorsMiddleware>();

        builder.Services
            .AddCorsPolicies(builder.Configuration)
            .AddCorsRequestPath()
            .AddSingleton<ItemStore>()
            .AddApplicationInsightsWhenConfigured(builder.Configuration);
    }
}
