using System.Reflection;
using CorsFunctions.Worker.Management;
using CorsFunctions.Worker.Management.Functions;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CorsFunctions.Functions.Tests.Management;

/// <summary>The reference is the opt-in: the package registers its own services through the worker's extension startup hook.</summary>
public sealed class CorsManagementExtensionStartupTests
{
    private static FunctionsApplicationBuilder Builder()
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Configuration["CorsPolicies:ConnectionString"] = "UseDevelopmentStorage=true";
        builder.Configuration["Functions:Worker:HostEndpoint"] = "http://127.0.0.1:9"; // never dialled: the host is not started
        return builder;
    }

    [Fact]
    public void The_assembly_names_its_startup_where_the_worker_source_generator_looks_for_it()
    {
        var attribute = typeof(CorsManagementExtensionStartup).Assembly.GetCustomAttribute<WorkerExtensionStartupAttribute>();

        Assert.Equal(typeof(CorsManagementExtensionStartup), attribute?.StartupType);
        Assert.True(typeof(CorsManagementExtensionStartup).IsPublic);
        Assert.NotNull(typeof(CorsManagementExtensionStartup).GetConstructor(Type.EmptyTypes));
    }

    [Fact]
    public void The_startup_and_UseCorsPolicies_are_all_an_app_needs_for_the_management_functions()
    {
        var builder = Builder();
        new CorsManagementExtensionStartup().Configure(builder);
        builder.UseCorsPolicies();

        using var host = builder.Build();

        Assert.NotNull(host.Services.GetRequiredService<ManagementApi>());
        Assert.False(host.Services.GetRequiredService<IOptions<CorsManagementOptions>>().Value.EnableManagementApi);
    }

    [Fact]
    public void Without_the_package_the_base_registers_no_management_service()
    {
        var builder = Builder();
        builder.UseCorsPolicies();

        using var host = builder.Build();

        Assert.Null(host.Services.GetService<ManagementApi>());
    }
}
