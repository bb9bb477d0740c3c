using CorsFunctions.Functions.Api;
using CorsFunctions.Functions.Diagnostics;
using CorsFunctions.Functions.Middleware;
using CorsFunctions.Functions.Policies;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);

// First in the pipeline: preflights are answered before anything else runs.
builder.UseMiddleware<CorsMiddleware>();

builder.Services
    .AddCorsPolicies(builder.Configuration)
    .AddCorsRequestPath()
    .AddSingleton<ItemStore>()
    .AddApplicationInsightsWhenConfigured(builder.Configuration);

builder.Build().Run();
