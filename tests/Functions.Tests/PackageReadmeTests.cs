using System.Reflection;
using CorsFunctions.Functions.Tests.Integration;
using CorsFunctions.Worker;
using CorsFunctions.Worker.Management;
using CorsFunctions.Worker.Management.Functions;
using CorsFunctions.Worker.Preflight;
using Microsoft.Azure.Functions.Worker;

namespace CorsFunctions.Functions.Tests;

/// <summary>
/// Each package's README (packed with it) lists every function, route and app setting the package adds to an app:
/// read from the functions its assembly declares and the settings its options class binds.
/// </summary>
public sealed class PackageReadmeTests
{
    public static TheoryData<string, Type, Type> Packages => new()
    {
        { "CorsFunctions.Worker", typeof(PreflightFunction), typeof(CorsPolicyOptions) },
        { "CorsFunctions.Worker.Management", typeof(ManagementFunctions), typeof(CorsManagementOptions) },
    };

    private static string Readme(string package) =>
        File.ReadAllText(Path.Combine(AzuriteFixture.RepositoryRoot, "src", "Functions", package, "README.md"));

    private static IEnumerable<(string Name, HttpTriggerAttribute Trigger)> Functions(Assembly assembly) =>
        assembly.GetTypes().SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(method => method.GetCustomAttribute<FunctionAttribute>() is not null)
            .Select(method => (method.GetCustomAttribute<FunctionAttribute>()!.Name,
                method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).Single(t => t is not null)!));

    [Theory]
    [MemberData(nameof(Packages))]
    public void The_readme_names_every_function_with_its_route_and_methods(string package, Type function, Type _)
    {
        var readme = Readme(package);
        var functions = Functions(function.Assembly).ToList();

        Assert.NotEmpty(functions);
        Assert.All(functions, f =>
        {
            Assert.Contains($"`{f.Name}`", readme, StringComparison.Ordinal);
            Assert.Contains(f.Trigger.Route!, readme, StringComparison.Ordinal);
            Assert.All(f.Trigger.Methods!, method => Assert.Contains(method, readme, StringComparison.OrdinalIgnoreCase));
        });
    }

    [Theory]
    [MemberData(nameof(Packages))]
    public void The_readme_names_every_app_setting_the_package_binds(string package, Type _, Type options)
    {
        var readme = Readme(package);
        var settings = options.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).Select(p => $"CorsPolicies__{p.Name}").ToList();

        Assert.NotEmpty(settings);
        Assert.All(settings, setting => Assert.Contains($"`{setting}`", readme, StringComparison.Ordinal));
    }

    [Fact]
    public void The_base_readme_names_no_management_setting_as_its_own()
    {
        Assert.DoesNotContain("`CorsPolicies__EnableManagementApi`", Readme("CorsFunctions.Worker"), StringComparison.Ordinal);
    }
}
