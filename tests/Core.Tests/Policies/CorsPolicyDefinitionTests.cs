using CorsFunctions.Core.Policies;

namespace CorsFunctions.Core.Tests.Policies;

/// <summary>What a definition says when a field is left out: nothing allowed, nothing dangerous, in force.</summary>
public class CorsPolicyDefinitionTests
{
    [Fact]
    public void A_field_left_out_allows_nothing_and_the_policy_is_in_force()
    {
        var definition = new CorsPolicyDefinition();

        Assert.Equal("", definition.Id);
        Assert.Empty(definition.Routes);
        Assert.Empty(definition.AllowedOrigins);
        Assert.Empty(definition.AllowedMethods);
        Assert.Empty(definition.AllowedHeaders);
        Assert.Empty(definition.ExposedHeaders);
        Assert.Null(definition.MaxAgeSeconds);
        Assert.Null(definition.Description);
        Assert.True(definition.Enabled);
        Assert.Equal(
            (false, false, false, false, false),
            (definition.AllowCredentials, definition.AllowPrivateNetwork, definition.AllowNullOrigin,
                definition.DangerouslyAllowInsecureOrigins, definition.DangerouslyAllowPublicSuffixWildcards));
    }

    [Fact]
    public void An_empty_definition_is_refused_for_its_id_routes_and_origins()
    {
        var errors = PolicyCompiler.Compile(new CorsPolicyDefinition()).Errors;

        string[] expected = [PolicyErrorCodes.IdRequired, PolicyErrorCodes.OriginsRequired, PolicyErrorCodes.RoutesRequired];
        Assert.Equal(expected.Order(StringComparer.Ordinal), errors.Select(e => e.Code).Order(StringComparer.Ordinal));
    }
}
