using CorsFunctions.Core.Policies;
using static CorsFunctions.Core.Tests.Support.Definitions;

namespace CorsFunctions.Core.Tests.Policies;

/// <summary>Each method name the rules single out, by name (Fetch: forbidden methods, "normalize a method").</summary>
public class MethodRulesTests
{
    private const string Field = nameof(CorsPolicyDefinition.AllowedMethods);

    [Theory]
    [InlineData("CONNECT")]
    [InlineData("TRACE")]
    [InlineData("TRACK")]
    public void Every_forbidden_method_is_refused_in_any_case_and_never_allowed_even_by_star(string method)
    {
        foreach (var spelling in new[] { method, method.ToLowerInvariant(), char.ToUpperInvariant(method[0]) + method[1..].ToLowerInvariant() })
        {
            Assert.True(MethodMatcher.IsForbidden(spelling));
            AssertRefused(Valid with { AllowedMethods = [spelling] }, Field, spelling);
        }

        var any = Compile(Valid with { AllowedMethods = ["*"] });
        Assert.False(any.EvaluatePreflight(AppOrigin, method).IsAllowed);
    }

    [Theory]
    [InlineData("CONNECTX")]
    [InlineData("TRACES")]
    [InlineData("PATCH")]
    public void Look_alikes_of_forbidden_methods_are_not_forbidden(string method) =>
        Assert.False(MethodMatcher.IsForbidden(method));

    [Theory]
    [InlineData("GE T", PolicyErrorCodes.MethodInvalidName)]
    [InlineData("TRACE", PolicyErrorCodes.MethodForbidden)]
    public void A_refused_entry_beside_star_is_reported_once_and_not_also_as_mixed_with_star(string method, string code)
    {
        var errors = Refuse(Valid with { AllowedMethods = ["*", method] });

        Assert.Equal((code, method), (Assert.Single(errors).Code, errors[0].Value));
    }

    [Fact]
    public void Star_with_credentials_echoes_the_requested_method_and_without_them_answers_star()
    {
        var withCredentials = Compile(Valid with { AllowedMethods = ["*"], AllowCredentials = true });
        var without = Compile(Valid with { AllowedMethods = ["*"] });

        Assert.Equal("PATCH", withCredentials.EvaluatePreflight(AppOrigin, "PATCH").AllowMethods);
        Assert.Equal("*", without.EvaluatePreflight(AppOrigin, "PATCH").AllowMethods);
    }

    [Theory]
    [InlineData("delete", "DELETE")]
    [InlineData("get", "GET")]
    [InlineData("head", "HEAD")]
    [InlineData("options", "OPTIONS")]
    [InlineData("post", "POST")]
    [InlineData("put", "PUT")]
    [InlineData("Delete", "DELETE")]
    [InlineData("pUT", "PUT")]
    public void Each_of_the_six_methods_browsers_upper_case_is_normalised(string inPolicy, string normalised)
    {
        var policy = Compile(Valid with { AllowedMethods = [inPolicy] });
        var result = policy.EvaluatePreflight(AppOrigin, normalised);

        Assert.True(result.IsAllowed);
        Assert.Equal(normalised, result.AllowMethods);
    }

    [Fact]
    public void Duplicates_after_normalisation_collapse_into_one_entry() =>
        Assert.Equal("PUT, DELETE", Compile(Valid with { AllowedMethods = ["put", "PUT", "delete", "Delete"] }).EvaluatePreflight(AppOrigin, "PUT").AllowMethods);

    [Fact]
    public void A_policy_without_methods_sends_no_allow_methods_header() =>
        Assert.Null(Compile(Valid).EvaluatePreflight(AppOrigin, "GET").AllowMethods);

    [Theory]
    [InlineData("GET")]
    [InlineData("HEAD")]
    [InlineData("POST")]
    public void Safelisted_methods_are_allowed_without_being_listed(string method)
    {
        Assert.True(MethodMatcher.IsSafelisted(method));
        Assert.True(Compile(Valid).EvaluatePreflight(AppOrigin, method).IsAllowed);
    }

    [Theory]
    [InlineData("get")]
    [InlineData("PUT")]
    [InlineData("OPTIONS")]
    public void Other_methods_are_not_safelisted(string method) =>
        Assert.False(MethodMatcher.IsSafelisted(method));
}
