using CorsFunctions.Core.Policies;
using CorsFunctions.Worker.Policies;

namespace CorsFunctions.Functions.Tests.Policies;

public class PolicyDefinitionFieldsTests
{
    private static readonly CorsPolicyDefinition s_definition = new() { Id = "items", Routes = ["/a"], AllowedOrigins = ["https://a.example.com"] };

    public static TheoryData<string, CorsPolicyDefinition> OneFieldChanged => new()
    {
        { nameof(CorsPolicyDefinition.Id), s_definition with { Id = "other" } },
        { nameof(CorsPolicyDefinition.Routes), s_definition with { Routes = ["/a", "/b"] } },
        { nameof(CorsPolicyDefinition.AllowedOrigins), s_definition with { AllowedOrigins = ["https://A.example.com"] } },
        { nameof(CorsPolicyDefinition.AllowedMethods), s_definition with { AllowedMethods = ["PUT"] } },
        { nameof(CorsPolicyDefinition.AllowedHeaders), s_definition with { AllowedHeaders = ["X-A"] } },
        { nameof(CorsPolicyDefinition.ExposedHeaders), s_definition with { ExposedHeaders = ["X-A"] } },
        { nameof(CorsPolicyDefinition.AllowCredentials), s_definition with { AllowCredentials = true } },
        { nameof(CorsPolicyDefinition.MaxAgeSeconds), s_definition with { MaxAgeSeconds = 0 } },
        { nameof(CorsPolicyDefinition.AllowPrivateNetwork), s_definition with { AllowPrivateNetwork = true } },
        { nameof(CorsPolicyDefinition.Enabled), s_definition with { Enabled = false } },
        { nameof(CorsPolicyDefinition.Mode), s_definition with { Mode = PolicyMode.ReportOnly } },
        { nameof(CorsPolicyDefinition.Debug), s_definition with { Debug = true } },
        { nameof(CorsPolicyDefinition.Description), s_definition with { Description = "" } },
        { nameof(CorsPolicyDefinition.AllowNullOrigin), s_definition with { AllowNullOrigin = true } },
        { nameof(CorsPolicyDefinition.DangerouslyAllowInsecureOrigins), s_definition with { DangerouslyAllowInsecureOrigins = true } },
        { nameof(CorsPolicyDefinition.DangerouslyAllowPublicSuffixWildcards), s_definition with { DangerouslyAllowPublicSuffixWildcards = true } },
    };

    [Theory]
    [MemberData(nameof(OneFieldChanged))]
    public void A_change_to_any_one_field_is_named_and_nothing_else(string field, CorsPolicyDefinition changed) =>
        Assert.Equal([field], PolicyDefinitionFields.Differences(s_definition, changed));

    [Fact]
    public void Every_field_of_the_model_has_a_case_above() =>
        Assert.Equal(typeof(CorsPolicyDefinition).GetProperties().Select(p => p.Name).Order(), OneFieldChanged.Select(row => (string)row[0]).Order());

    [Fact]
    public void Lists_with_equal_entries_are_equal_whatever_their_type() =>
        Assert.Empty(PolicyDefinitionFields.Differences(s_definition, s_definition with { Routes = new List<string> { "/a" } }));
}
