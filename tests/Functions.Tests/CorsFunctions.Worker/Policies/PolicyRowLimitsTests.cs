using CorsFunctions.Core.Policies;
using CorsFunctions.Functions.Tests.TestSupport;
using CorsFunctions.Worker.Policies;

namespace CorsFunctions.Functions.Tests.Policies;

public sealed class PolicyRowLimitsTests
{
    [Fact]
    public void A_list_longer_than_a_table_property_holds_is_refused_before_writing()
    {
        var origins = Enumerable.Range(0, 2000).Select(i => $"https://app{i}.example.com").ToArray();

        var errors = PolicyRowLimits.Check(TestPolicies.Items() with { AllowedOrigins = origins });

        var error = Assert.Single(errors);
        Assert.Equal(nameof(CorsPolicyDefinition.AllowedOrigins), error.Field);
        Assert.Equal(PolicyErrorCodes.StoredTooLong, error.Code);
        Assert.Contains($"at most {PolicyRowLimits.MaxStringLength}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_description_of_exactly_the_limit_is_stored_and_one_character_more_is_refused()
    {
        var atLimit = TestPolicies.Items() with { Description = new string('d', PolicyRowLimits.MaxStringLength) };
        var overLimit = atLimit with { Description = atLimit.Description + "d" };

        Assert.Empty(PolicyRowLimits.Check(atLimit));
        var error = Assert.Single(PolicyRowLimits.Check(overLimit));
        Assert.Equal(nameof(CorsPolicyDefinition.Description), error.Field);
        Assert.Contains($"is {PolicyRowLimits.MaxStringLength + 1} characters long", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_field_too_long_is_listed_in_one_answer()
    {
        var many = Enumerable.Range(0, 3000).Select(i => $"X-Header-{i}").ToArray();

        var errors = PolicyRowLimits.Check(TestPolicies.Items() with { AllowedHeaders = many, ExposedHeaders = many });

        Assert.Equal([nameof(CorsPolicyDefinition.AllowedHeaders), nameof(CorsPolicyDefinition.ExposedHeaders)], errors.Select(e => e.Field));
    }
}
