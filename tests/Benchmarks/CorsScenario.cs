using CorsFunctions.Core;
using CorsFunctions.Core.Evaluation;
using CorsFunctions.Core.Policies;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Http;
using AspNetCorsPolicy = Microsoft.AspNetCore.Cors.Infrastructure.CorsPolicy;
using CoreCorsPolicy = CorsFunctions.Core.Policies.CorsPolicy;

namespace CorsFunctions.Benchmarks;

/// <summary>
/// One CORS request and one policy, given identically to Core and to ASP.NET Core's CorsService,
/// with the decision the Fetch rules require from Core.
/// </summary>
public sealed class CorsScenario
{
    private CorsScenario(string name, string description, CorsPolicyDefinition definition, string method, string origin,
        string? requestMethod, string? requestHeaders, CorsRejection expected)
    {
        Name = name;
        Description = description;
        Definition = definition;
        Method = method;
        Origin = origin;
        RequestMethod = requestMethod;
        RequestHeaders = requestHeaders;
        Expected = expected;
    }

    /// <summary>Short name used as the benchmark parameter (the letter of the scenario list in docs/performance.md).</summary>
    public string Name { get; }

    public string Description { get; }

    public CorsPolicyDefinition Definition { get; }

    public string Method { get; }

    public string Origin { get; }

    public string? RequestMethod { get; }

    public string? RequestHeaders { get; }

    /// <summary>What Core must answer.</summary>
    public CorsRejection Expected { get; }

    public bool IsPreflight => RequestMethod is not null;

    public static IReadOnlyList<CorsScenario> All { get; } = Create();

    public static CorsScenario Get(string name) => All.Single(s => s.Name == name);

    public CoreCorsPolicy CompileCore()
    {
        var compilation = PolicyCompiler.Compile(Definition);
        return compilation.Policy
            ?? throw new InvalidOperationException($"{Name}: {string.Join("; ", compilation.Errors.Select(e => $"{e.Field} '{e.Value}' {e.Message}"))}");
    }

    /// <summary>The same policy for CorsService: same origins, methods and headers, wildcards as wildcard subdomains.</summary>
    public AspNetCorsPolicy BuildAspNet()
    {
        var builder = new CorsPolicyBuilder()
            .WithOrigins([.. Definition.AllowedOrigins])
            .WithMethods([.. Definition.AllowedMethods])
            .WithHeaders([.. Definition.AllowedHeaders]);
        if (Definition.AllowedOrigins.Any(o => o.Contains("://*.", StringComparison.Ordinal)))
        {
            builder.SetIsOriginAllowedToAllowWildcardSubdomains();
        }

        return builder.Build();
    }

    /// <summary>A request context carrying this scenario's request; its response headers start empty.</summary>
    public DefaultHttpContext CreateContext()
    {
        var context = new DefaultHttpContext();
        var request = context.Request;
        request.Method = Method;
        request.Path = "/api/items";
        request.Headers.Origin = Origin;
        if (RequestMethod is not null)
        {
            request.Headers.AccessControlRequestMethod = RequestMethod;
        }

        if (RequestHeaders is not null)
        {
            request.Headers.AccessControlRequestHeaders = RequestHeaders;
        }

        return context;
    }

    private static List<CorsScenario> Create()
    {
        const string App = "https://app.example.com";
        const string Evil = "https://evil.example.net";
        const string Options = "OPTIONS";
        // What a browser sends for fetch(url, { method: "PUT", headers: { "X-Auth-Token": ..., "Content-Type": "application/json" } }).
        const string AllowedHeaders = "content-type,x-auth-token";

        var one = Policy([App]);
        var thousand = Policy([.. Enumerable.Range(0, 1000).Select(i => $"https://app{i:D4}.example.com")]);
        var lastOfThousand = thousand.AllowedOrigins[^1];
        var wildcard = Policy(["https://*.example.com"]);
        // Issue 23.4's outlier: 258 characters in 116 labels (103 of "a", 11 of "ab", then the suffix's two).
        var manyLabels = "https://" + string.Join('.', Enumerable.Repeat("a", 103).Concat(Enumerable.Repeat("ab", 11)));

        return
        [
            new("a", "preflight, 1 exact origin, allowed", one, Options, App, "PUT", AllowedHeaders, CorsRejection.None),
            new("b", "preflight, 1,000 exact origins, the last one, allowed", thousand, Options, lastOfThousand, "PUT", AllowedHeaders, CorsRejection.None),
            new("c", "preflight, https://*.example.com, from https://a.b.example.com, allowed", wildcard, Options,
                "https://a.b.example.com", "PUT", AllowedHeaders, CorsRejection.None),
            new("c116", "preflight, https://*.example.com, from a 258-character origin of 116 labels, allowed", wildcard, Options,
                manyLabels + ".example.com", "PUT", AllowedHeaders, CorsRejection.None),
            new("d116", "preflight, https://*.example.com, from a 258-character origin of 116 labels under example.net, refused", wildcard, Options,
                manyLabels + ".example.net", "PUT", AllowedHeaders, CorsRejection.OriginNotAllowed),
            new("d1", "preflight, disallowed origin, 1 origin", one, Options, Evil, "PUT", AllowedHeaders, CorsRejection.OriginNotAllowed),
            new("d1000", "preflight, disallowed origin, 1,000 origins", thousand, Options, Evil, "PUT", AllowedHeaders, CorsRejection.OriginNotAllowed),
            new("e", "preflight, allowed origin, disallowed header x-evil", one, Options, App, "PUT", "content-type,x-evil", CorsRejection.HeaderNotAllowed),
            new("m", "preflight, allowed origin, disallowed method PATCH", one, Options, App, "PATCH", AllowedHeaders, CorsRejection.MethodNotAllowed),
            new("f", "actual GET with Origin, allowed", one, "GET", App, null, null, CorsRejection.None),
        ];
    }

    private static CorsPolicyDefinition Policy(IReadOnlyList<string> origins) => new()
    {
        Id = "bench",
        Routes = ["/api/items"],
        AllowedOrigins = origins,
        AllowedMethods = ["PUT", "DELETE"],
        AllowedHeaders = ["X-Auth-Token", "Content-Type"],
    };
}
