using System.Text.Json;
using CorsFunctions.App.Api;
using Microsoft.Azure.Functions.Worker.Core.FunctionMetadata;

namespace CorsFunctions.Functions.Tests;

/// <summary>
/// What the deployable app reports to the host, read from the metadata provider the worker's source generator wrote
/// into App.dll (the worker sends exactly this to the host): its own functions, the base package's CorsPreflight, and
/// the seven functions of the management package it references, each with the route, methods and auth level the host maps.
/// </summary>
public sealed class FunctionMetadataTests
{
    private static async Task<IReadOnlyDictionary<string, (string Route, string Methods, string AuthLevel, string ScriptFile)>> AppFunctionsAsync()
    {
        var providerType = typeof(ItemsFunction).Assembly.GetTypes().Single(t => typeof(IFunctionMetadataProvider).IsAssignableFrom(t) && !t.IsAbstract);
        var provider = (IFunctionMetadataProvider)Activator.CreateInstance(providerType)!;
        var metadata = await provider.GetFunctionMetadataAsync(AppContext.BaseDirectory);
        return metadata.ToDictionary(f => f.Name!, f =>
        {
            using var trigger = JsonDocument.Parse(f.RawBindings!.Single(b => b.Contains("httpTrigger", StringComparison.OrdinalIgnoreCase)));
            var root = trigger.RootElement;
            return (root.GetProperty("route").GetString()!, string.Join(',', root.GetProperty("methods").EnumerateArray().Select(m => m.GetString())),
                root.GetProperty("authLevel").GetString()!, f.ScriptFile!);
        });
    }

    [Theory]
    [InlineData("CorsPoliciesList", "cors-policies", "get")]
    [InlineData("CorsPolicyGet", "cors-policies/{id}", "get")]
    [InlineData("CorsPolicyPut", "cors-policies/{id}", "put")]
    [InlineData("CorsPolicyDelete", "cors-policies/{id}", "delete")]
    [InlineData("CorsPolicyHistory", "cors-policies/{id}/history", "get")]
    [InlineData("CorsPolicyRollback", "cors-policies/{id}/rollback", "post")]
    [InlineData("CorsCheck", "cors-check", "post")]
    public async Task The_app_reports_each_management_function_of_the_package_it_references_at_admin_level(string name, string route, string methods)
    {
        var functions = await AppFunctionsAsync();

        Assert.Equal((route, methods, "Admin", "CorsFunctions.Worker.Management.dll"), functions[name]);
    }

    [Fact]
    public async Task The_app_reports_its_own_functions_the_preflight_catch_all_and_the_seven_management_functions_nothing_else()
    {
        var functions = await AppFunctionsAsync();

        Assert.Equal(("{*path}", "options", "Anonymous", "CorsFunctions.Worker.dll"), functions["CorsPreflight"]);
        Assert.Equal(5, functions.Values.Count(f => f.ScriptFile == "CorsFunctions.App.dll"));
        Assert.Equal(7, functions.Values.Count(f => f.ScriptFile == "CorsFunctions.Worker.Management.dll"));
        Assert.Equal(13, functions.Count);
    }
}
