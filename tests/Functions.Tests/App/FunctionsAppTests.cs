using CorsFunctions.Worker.Middleware;
using CorsFunctions.Worker.Policies;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CorsFunctions.Functions.Tests;

public sealed class FunctionsAppTests
{
    [Fact]
    public void The_app_composes_the_request_path_on_the_policy_snapshot()
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Configuration["CorsPolicies:ConnectionString"] = "UseDevelopmentStorage=true";
        builder.Configuration["Functions:Worker:HostEndpoint"] = "http://127.0.0.1:9"; // never dialled: the host is not started
        FunctionsApp.Compose(builder);

        using var host = builder.Build();

        Assert.NotNull(host.Services.GetRequiredService<CorsMiddleware>());
        Assert.NotNull(host.Services.GetRequiredService<CorsRequestHandler>());
        Assert.NotNull(host.Services.GetRequiredService<IPolicySnapshotSource>());
        Assert.Contains(host.Services.GetServices<IHostedService>(), service => service is PolicySnapshotRefresher);
    }
}
