using CorsFunctions.Core.Policies;

namespace CorsFunctions.Core.Tests;

public class CoreAssemblyTests
{
    [Fact]
    public void Core_references_no_azure_functions_or_aspnet_assembly()
    {
        var references = typeof(CorsPolicy).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.Contains("System.Runtime", references);
        Assert.DoesNotContain(references, name =>
            name.StartsWith("Azure", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("Microsoft.Azure", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("Microsoft.AspNetCore", StringComparison.OrdinalIgnoreCase)
            || name.Contains("Functions", StringComparison.OrdinalIgnoreCase));
    }
}
