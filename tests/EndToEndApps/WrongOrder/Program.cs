using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);

// The wrong order on purpose: the middleware then runs before the integration's own and must leave every request alone.
builder.UseCorsPolicies();
builder.ConfigureFunctionsWebApplication();

builder.Build().Run();
