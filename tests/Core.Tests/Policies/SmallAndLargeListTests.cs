using CorsFunctions.Core.Evaluation;
using static CorsFunctions.Core.Tests.Support.Definitions;

namespace CorsFunctions.Core.Tests.Policies;

/// <summary>
/// A few methods, headers, origins or sibling routes are kept in arrays and more in dictionaries: the rules
/// are the same on either side of that limit (methods keep their case, header names and routes ignore it).
/// </summary>
public class SmallAndLargeListTests
{
    public static TheoryData<int> Sizes() => [2, 8, 9, 40];

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Header_names_match_in_any_case_and_only_the_listed_ones(int count)
    {
        var policy = Compile(Valid with { AllowedHeaders = [.. Enumerable.Range(0, count).Select(i => $"X-Header-{i}")] });

        Assert.True(policy.EvaluatePreflight(AppOrigin, "GET", $"x-header-{count - 1}, X-HEADER-0").IsAllowed);
        Assert.Equal(CorsRejection.HeaderNotAllowed, policy.EvaluatePreflight(AppOrigin, "GET", $"x-header-{count}").Rejection);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Methods_match_with_their_case_and_only_the_listed_ones(int count)
    {
        var policy = Compile(Valid with { AllowedMethods = [.. Enumerable.Range(0, count).Select(i => $"Verb{i}")] });

        Assert.True(policy.EvaluatePreflight(AppOrigin, $"Verb{count - 1}").IsAllowed);
        Assert.Equal(CorsRejection.MethodNotAllowed, policy.EvaluatePreflight(AppOrigin, $"VERB{count - 1}").Rejection);
        Assert.Equal(CorsRejection.MethodNotAllowed, policy.EvaluatePreflight(AppOrigin, $"Verb{count}").Rejection);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Exact_origins_answer_with_the_stored_origin_and_refuse_others(int count)
    {
        var policy = WithOrigins([.. Enumerable.Range(0, count).Select(i => $"https://app{i}.example.com")]);

        Assert.Equal($"https://app{count - 1}.example.com", policy.EvaluateActualRequest($"https://app{count - 1}.example.com").AllowOrigin);
        Assert.Equal(CorsRejection.OriginNotAllowed, policy.EvaluateActualRequest($"https://app{count}.example.com").Rejection);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Wildcard_suffixes_match_subdomains_only_of_the_listed_domains(int count)
    {
        var policy = WithOrigins([.. Enumerable.Range(0, count).Select(i => $"https://*.site{i}.example")]);

        Assert.True(policy.EvaluateActualRequest($"https://a.site{count - 1}.example").IsAllowed);
        Assert.Equal(CorsRejection.OriginNotAllowed, policy.EvaluateActualRequest($"https://a.site{count}.example").Rejection);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Sibling_routes_resolve_ignoring_case(int count)
    {
        var set = CorsFunctions.Core.Routing.PolicySet.Create(Enumerable.Range(0, count)
            .Select(i => Valid with { Id = $"tenant{i:D3}", Routes = [$"/api/tenant{i}/items"] }));

        Assert.Equal($"tenant{count - 1:D3}", set.Resolve($"/API/Tenant{count - 1}/ITEMS").PolicyId);
        Assert.Null(set.Resolve($"/api/tenant{count}/items").PolicyId);
    }
}
