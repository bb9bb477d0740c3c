using CorsFunctions.Core.Policies;

namespace CorsFunctions.Core.Tests.Policies;

/// <summary>How an error reads for people: field, the offending value quoted when there is one, message, code last.</summary>
public class PolicyErrorTests
{
    [Fact]
    public void An_error_with_a_value_quotes_it_after_the_field()
    {
        var error = new PolicyError(PolicyErrorCodes.OriginPathNotAllowed, "AllowedOrigins", "https://a.com/app", "contains a path.");

        Assert.Equal("AllowedOrigins: 'https://a.com/app' contains a path. [origin.path_not_allowed]", error.ToString());
    }

    [Fact]
    public void An_error_without_a_value_has_no_quotes()
    {
        var error = new PolicyError(PolicyErrorCodes.RoutesRequired, "Routes", null, "lists no route.");

        Assert.Equal("Routes: lists no route. [routes.required]", error.ToString());
    }

    [Fact]
    public void An_empty_value_is_still_shown_quoted()
    {
        var error = new PolicyError(PolicyErrorCodes.OriginEmpty, "AllowedOrigins", "", "is empty.");

        Assert.Equal("AllowedOrigins: '' is empty. [origin.empty]", error.ToString());
    }
}
