using CorsFunctions.Samples.Items;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();

// The one line CorsFunctions needs, before any other middleware: settings come from CorsPolicies__*.
builder.UseCorsPolicies();

builder.Services.AddSingleton<ItemCatalog>();
builder.Build().Run();
