using CorsFunctions.Core.Policies;
using CorsFunctions.Core.Routing;

namespace CorsFunctions.Benchmarks;

/// <summary>
/// Scenario g: a set of policies whose routes mix exact, <c>*</c> and <c>**</c> patterns under
/// <c>/api/svcN/</c>, plus one default <c>/**</c>, and request paths that each hit one kind.
/// </summary>
public static class RouteScenario
{
    /// <summary>The path kinds measured, each resolved by the last policy of its kind.</summary>
    public static IReadOnlyList<string> PathKinds { get; } = ["exact", "one-segment", "any-depth", "default"];

    /// <summary>Policy <c>p0000</c> is the default; policy i &gt; 0 has an exact, one-segment or any-depth route by i mod 3.</summary>
    public static PolicySet CreateSet(int policyCount) =>
        PolicySet.Create(Enumerable.Range(0, policyCount).Select(i => new CorsPolicyDefinition
        {
            Id = Id(i),
            Routes = [Route(i)],
            AllowedOrigins = [$"https://app{i}.example.com"],
            AllowedMethods = ["PUT"],
        }));

    /// <summary>A request path of <paramref name="kind"/> and the id of the policy that must govern it.</summary>
    public static (string Path, string PolicyId) Request(string kind, int policyCount)
    {
        var last = Enumerable.Range(1, policyCount - 1).Reverse();
        return kind switch
        {
            "exact" => For(last.First(i => i % 3 == 0), i => $"/api/svc{i}/items"),
            "one-segment" => For(last.First(i => i % 3 == 1), i => $"/API/svc{i}/42/"),
            "any-depth" => For(last.First(i => i % 3 == 2), i => $"/api/svc{i}/a/b/c?x=1"),
            "default" => ("/other/path", Id(0)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };

        static (string, string) For(int i, Func<int, string> path) => (path(i), Id(i));
    }

    private static string Id(int i) => $"p{i:D4}";

    private static string Route(int i) => i == 0 ? "/**" : (i % 3) switch
    {
        0 => $"/api/svc{i}/items",
        1 => $"/api/svc{i}/*",
        _ => $"/api/svc{i}/**",
    };
}
