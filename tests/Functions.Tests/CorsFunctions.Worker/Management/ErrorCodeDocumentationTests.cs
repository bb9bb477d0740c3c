using System.Reflection;
using CorsFunctions.Core.Policies;
using CorsFunctions.Functions.Tests.Integration;

namespace CorsFunctions.Functions.Tests.Management;

/// <summary>The error codes the management API returns are the ones README lists for its clients.</summary>
public class ErrorCodeDocumentationTests
{
    [Fact]
    public void Readme_documents_every_validation_error_code()
    {
        var readme = File.ReadAllText(Path.Combine(AzuriteFixture.RepositoryRoot, "README.md"));
        var codes = typeof(PolicyErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(constant => (string)constant.GetRawConstantValue()!)
            .ToList();

        Assert.NotEmpty(codes);
        Assert.All(codes, code => Assert.Contains($"`{code}`", readme, StringComparison.Ordinal));
    }
}
