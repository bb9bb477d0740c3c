using System.Collections.Concurrent;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseCorsPolicies();
builder.Services.AddSingleton<ConcurrentDictionary<string, string>>();
builder.Build().Run();
