using CorsFunctions.Core.Policies;
using static CorsFunctions.Core.Tests.Support.Definitions;

namespace CorsFunctions.Core.Tests.Policies;

/// <summary>
/// A table row stores each list as one comma-separated text, so an entry holding a comma would be validated as one
/// entry and read back as two: every list refuses it, whatever else the entry says.
/// </summary>
public class ListSeparatorTests
{
    public static TheoryData<CorsPolicyDefinition, string, string, string> EntriesWithASeparator => new()
    {
        { Valid with { Routes = ["/api/items,/**"] }, nameof(CorsPolicyDefinition.Routes), "/api/items,/**", PolicyErrorCodes.RouteInvalidCharacter },
        { Valid with { Routes = ["/api/items,"] }, nameof(CorsPolicyDefinition.Routes), "/api/items,", PolicyErrorCodes.RouteInvalidCharacter },
        { Valid with { AllowedOrigins = ["https://a.example.com,https://b.example.com"] }, nameof(CorsPolicyDefinition.AllowedOrigins),
            "https://a.example.com,https://b.example.com", PolicyErrorCodes.OriginPathNotAllowed },
        { Valid with { AllowedOrigins = ["https://a.example,com"] }, nameof(CorsPolicyDefinition.AllowedOrigins), "https://a.example,com", PolicyErrorCodes.OriginInvalidHost },
        { Valid with { AllowedMethods = ["PUT,DELETE"] }, nameof(CorsPolicyDefinition.AllowedMethods), "PUT,DELETE", PolicyErrorCodes.MethodInvalidName },
        { Valid with { AllowedHeaders = ["X-A,X-B"] }, nameof(CorsPolicyDefinition.AllowedHeaders), "X-A,X-B", PolicyErrorCodes.HeaderInvalidName },
        { Valid with { ExposedHeaders = ["X-A,X-B"] }, nameof(CorsPolicyDefinition.ExposedHeaders), "X-A,X-B", PolicyErrorCodes.ExposedHeaderInvalidName },
    };

    [Theory]
    [MemberData(nameof(EntriesWithASeparator))]
    public void An_entry_holding_the_stored_list_separator_is_refused(CorsPolicyDefinition definition, string field, string entry, string code)
    {
        var error = AssertRefused(definition, field, entry);

        Assert.Equal(code, error.Code);
    }

    [Fact]
    public void A_route_with_a_separator_says_why_the_character_is_refused()
    {
        var error = AssertRefused(Valid with { Routes = ["/api/items,/**"] }, nameof(CorsPolicyDefinition.Routes), "/api/items,/**");

        Assert.Contains("','", error.Message, StringComparison.Ordinal);
    }
}
