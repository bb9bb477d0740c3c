namespace CorsFunctions.Core.Policies;

/// <summary>
/// A CORS policy as an operator writes it: plain lists, flags and numbers, the shape of a stored policy.
/// Nothing here is validated; <see cref="PolicyCompiler.Compile(CorsPolicyDefinition)"/> turns it into a <see cref="CorsPolicy"/>
/// or a complete list of errors.
/// </summary>
public sealed record CorsPolicyDefinition
{
    /// <summary>The policy id (the table RowKey): letters, digits, <c>-</c>, <c>_</c> and <c>.</c>.</summary>
    public string Id { get; init; } = "";

    /// <summary>Request path patterns the policy governs (<c>/api/items</c>, <c>/api/items/*</c>, <c>/api/**</c>; <c>/**</c> is the default).</summary>
    public IReadOnlyList<string> Routes { get; init; } = [];

    /// <summary>Exact origins, <c>https://*.example.com</c> subdomain wildcards, or <c>*</c>.</summary>
    public IReadOnlyList<string> AllowedOrigins { get; init; } = [];

    /// <summary>Methods beyond the always-allowed GET, HEAD and POST (case-sensitive), or <c>*</c>.</summary>
    public IReadOnlyList<string> AllowedMethods { get; init; } = [];

    /// <summary>Request header names (case-insensitive), or <c>*</c> (optionally with <c>Authorization</c>).</summary>
    public IReadOnlyList<string> AllowedHeaders { get; init; } = [];

    /// <summary>Response header names the page may read, or <c>*</c>.</summary>
    public IReadOnlyList<string> ExposedHeaders { get; init; } = [];

    /// <summary>Whether pages may send cookies or <c>Authorization</c> (<c>Access-Control-Allow-Credentials: true</c>).</summary>
    public bool AllowCredentials { get; init; }

    /// <summary>Seconds a browser may cache the preflight answer (0-86400); null leaves the browser default (5 s).</summary>
    public int? MaxAgeSeconds { get; init; }

    /// <summary>Whether public pages may reach this private-network API (<c>Access-Control-Allow-Private-Network</c>).</summary>
    public bool AllowPrivateNetwork { get; init; }

    /// <summary>Whether the policy is in force; a disabled policy is ignored as if it did not exist.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>
    /// <see cref="PolicyMode.Enforce"/> (the default): the policy's answers are sent. <see cref="PolicyMode.ReportOnly"/>:
    /// it is evaluated beside the enforced policy of its routes and its refusals are only logged and counted.
    /// </summary>
    public PolicyMode Mode { get; init; }

    /// <summary>
    /// Debug mode: a preflight refused for its method or headers is answered with an ok status and the policy's allowed
    /// origin and lists, so the browser's console names what was refused; it is still counted and logged as refused.
    /// An origin refusal stays without CORS headers. Meant for while a page is being built, not to stay on.
    /// </summary>
    public bool Debug { get; init; }

    /// <summary>Free text for operators.</summary>
    public string? Description { get; init; }

    /// <summary>Allows the origin <c>null</c>, which any sandboxed iframe or local file can send.</summary>
    public bool AllowNullOrigin { get; init; }

    /// <summary>Allows plain-http origins other than loopback together with credentials or private-network access.</summary>
    public bool DangerouslyAllowInsecureOrigins { get; init; }

    /// <summary>Allows wildcards on multi-label public suffixes such as <c>*.azurewebsites.net</c>.</summary>
    public bool DangerouslyAllowPublicSuffixWildcards { get; init; }
}
