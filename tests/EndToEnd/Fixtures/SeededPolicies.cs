namespace CorsFunctions.EndToEnd.Fixtures;

/// <summary>
/// The policies the suite stores before the worker starts, one per behaviour under test, and the origins and
/// routes the tests use with them. There is no default (<c>/**</c>) policy: unmapped routes have no policy.
/// </summary>
internal static class SeededPolicies
{
    public const string TrustedOrigin = "https://trusted.example.com";
    public const string UntrustedOrigin = "https://evil.example.com";
    public const int MaxAgeSeconds = 600;

    /// <summary>Request headers the items policies allow, as stored.</summary>
    public const string ItemsHeaders = "X-Auth-Token, Content-Type";

    /// <summary>
    /// The response header the collection policy exposes. The sample API sets no header of its own beyond
    /// Content-Type (always readable), so this is the one every host response carries and pages cannot read unexposed.
    /// </summary>
    public const string ExposedHeader = "Date";

    /// <summary>The collection route: credentials allowed, PUT allowed (DELETE is not).</summary>
    public const string ItemsCollection = "/api/items";

    /// <summary>One item (<c>/api/items/*</c>): same origins and methods, without credentials, exposing nothing.</summary>
    public static string Item(string id) => $"/api/items/{id}";

    /// <summary>Any origin, method and header (the <c>*</c> cases).</summary>
    public const string OpenRoute = "/api/open/thing";

    /// <summary>Allows private network access for the trusted origin.</summary>
    public const string DevicesRoute = "/api/devices/lamp";

    /// <summary>Governed by a policy whose origin is invalid: fails closed.</summary>
    public const string BrokenRoute = "/api/broken/thing";

    /// <summary>Governed by a row whose MaxAgeSeconds holds text: fails closed.</summary>
    public const string GarbageRoute = "/api/garbage/thing";

    /// <summary>Governed only by a disabled row.</summary>
    public const string DisabledRoute = "/api/disabled/thing";

    /// <summary>Governed only by a row of another policy set.</summary>
    public const string OtherSetRoute = "/api/other/thing";

    /// <summary>No policy at all.</summary>
    public const string UnmappedRoute = "/api/unmapped/thing";

    /// <summary>The route whose policy the hot-reload test rewrites.</summary>
    public const string ReloadRoute = "/api/reload/thing";

    public static PolicyRow Reload(string origins) => new("reload", "/api/reload/*", origins) { AllowedMethods = "PUT" };

    /// <summary>The route whose policy the debug-mode test turns on and off (only preflights reach it).</summary>
    public const string DebugRoute = "/api/debug/thing";

    /// <summary>The request header the debug policy allows.</summary>
    public const string DebugAllowedHeader = "X-Auth-Token";

    public static PolicyRow DebugPolicy(string pageOrigin, bool debug) =>
        new("debug", "/api/debug/*", pageOrigin) { AllowedMethods = "PUT", AllowedHeaders = DebugAllowedHeader, Debug = debug };

    /// <summary>Every row, given the browser page's origin (known only once its server is up).</summary>
    public static IEnumerable<PolicyRow> All(string pageOrigin) =>
    [
        new("items-collection", ItemsCollection, $"{pageOrigin}, {TrustedOrigin}")
        {
            AllowedMethods = "PUT",
            AllowedHeaders = ItemsHeaders,
            ExposedHeaders = ExposedHeader,
            AllowCredentials = true,
            MaxAgeSeconds = MaxAgeSeconds,
        },
        new("items-by-id", "/api/items/*", $"{pageOrigin}, {TrustedOrigin}")
        {
            AllowedMethods = "PUT",
            AllowedHeaders = ItemsHeaders,
            MaxAgeSeconds = MaxAgeSeconds,
        },
        new("open", "/api/open/*", "*") { AllowedMethods = "*", AllowedHeaders = "*" },
        new("devices", "/api/devices/*", TrustedOrigin) { AllowedMethods = "PUT", AllowPrivateNetwork = true },
        new("broken", "/api/broken/*", $"{TrustedOrigin}/not-an-origin"),
        new("disabled", "/api/disabled/*", TrustedOrigin) { Enabled = false },
        new("other-set", "/api/other/*", TrustedOrigin) { PolicySet = "other" },
        Reload(UntrustedOrigin),
        DebugPolicy(pageOrigin, debug: false),
    ];
}
