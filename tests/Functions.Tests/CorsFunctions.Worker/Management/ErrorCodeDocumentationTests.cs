using System.Reflection;
using CorsFunctions.Core.Policies;
using CorsFunctions.Functions.Tests.Integration;

namespace CorsFunctions.Functions.Tests.Management;

/// <summary>The error codes the management API returns are the ones docs/policies.md lists for its clients.</summary>
public class ErrorCodeDocumentationTests
{
    [Fact]
    public void The_policy_docs_document_every_validation_error_code()
    {
        var docs = File.ReadAllText(Path.Combine(AzuriteFixture.RepositoryRoot, "docs", "policies.md"));
        var codes = typeof(PolicyErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(constant => (string)constant.GetRawConstantValue()!)
            .ToList();

        Assert.NotEmpty(codes);
        Assert.All(codes, code => Assert.Contains($"`{code}`", docs, StringComparison.Ordinal));
    }
}
