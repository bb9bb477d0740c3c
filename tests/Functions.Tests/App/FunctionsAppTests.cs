using System.Reflection;
using CorsFunctions.App.Api;
using CorsFunctions.Worker.Management.Functions;
using CorsFunctions.Worker.Middleware;
using CorsFunctions.Worker.Policies;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.Core;
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

    [Fact]
    public void Referencing_the_management_package_registers_its_services_through_the_startup_code_generated_into_the_app()
    {
        // What the worker runs when the app's builder is created: the executor the source generator wrote into App.dll,
        // which calls every referenced package's WorkerExtensionStartup (here, as in testhost, it is run by hand).
        var executor = typeof(ItemsFunction).Assembly.GetCustomAttribute<WorkerExtensionStartupCodeExecutorInfoAttribute>()!.StartupCodeExecutorType;
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Configuration["CorsPolicies:ConnectionString"] = "UseDevelopmentStorage=true";
        builder.Configuration["Functions:Worker:HostEndpoint"] = "http://127.0.0.1:9";
        ((WorkerExtensionStartup)Activator.CreateInstance(executor)!).Configure(builder);
        FunctionsApp.Compose(builder);

        using var host = builder.Build();

        Assert.NotNull(host.Services.GetRequiredService<ManagementApi>());
    }
}
