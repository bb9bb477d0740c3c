namespace CorsFunctions.Core.Routing;

/// <summary>Route pattern classes, most specific first: a lower value wins.</summary>
public enum RoutePatternKind
{
    /// <summary>A literal path such as <c>/api/items</c>.</summary>
    Exact = 0,

    /// <summary>One or more <c>*</c> segments, each matching exactly one segment: <c>/api/items/*</c>.</summary>
    SingleSegmentWildcard = 1,

    /// <summary>Ends in <c>**</c>, matching any number of segments (zero included): <c>/api/**</c>.</summary>
    AnyDepthWildcard = 2,

    /// <summary><c>/**</c>: every path; the policy for routes no other policy names.</summary>
    Default = 3,
}
