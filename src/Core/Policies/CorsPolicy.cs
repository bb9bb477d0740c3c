using System.Globalization;
using CorsFunctions.Core.Evaluation;
using CorsFunctions.Core.Http;
using CorsFunctions.Core.Origins;
using CorsFunctions.Core.Routing;

namespace CorsFunctions.Core.Policies;

/// <summary>
/// A validated, immutable CORS policy, ready to evaluate requests. Every header value that depends only
/// on the policy is computed once here; evaluating a request allocates nothing when it is allowed.
/// Create it with <see cref="PolicyCompiler.Compile(CorsPolicyDefinition)"/>.
/// </summary>
public sealed class CorsPolicy
{
    private const string True = "true";
    private const string OriginNotCanonical = "Origin is not spelled as browsers send it (lower-case scheme and host, no default port, an IP address as the URL standard serializes it)";
    private static readonly string s_originTooLong = $"Origin is longer than {OriginSyntax.MaxLength} characters, the longest serialized origin";

    private readonly OriginMatcher _origins;
    private readonly MethodMatcher _methods;
    private readonly HeaderMatcher _headers;
    private readonly string? _allowCredentials;
    private readonly string? _maxAge;
    private readonly string? _exposeHeaders;

    internal CorsPolicy(CorsPolicyDefinition definition, IReadOnlyList<RoutePattern> routes, OriginMatcher origins,
        MethodMatcher methods, HeaderMatcher headers, string? exposeHeaders)
    {
        Definition = definition;
        Routes = routes;
        _origins = origins;
        _methods = methods;
        _headers = headers;
        _exposeHeaders = exposeHeaders;
        _allowCredentials = definition.AllowCredentials ? True : null;
        _maxAge = definition.MaxAgeSeconds?.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The policy id.</summary>
    public string Id => Definition.Id;

    /// <summary>The definition it was compiled from (as written, for display and storage).</summary>
    public CorsPolicyDefinition Definition { get; }

    /// <summary>The parsed route patterns.</summary>
    public IReadOnlyList<RoutePattern> Routes { get; }

    /// <summary>
    /// Decides a preflight from the raw request values.
    /// </summary>
    /// <param name="origin">The <c>Origin</c> header.</param>
    /// <param name="requestMethod">The <c>Access-Control-Request-Method</c> header.</param>
    /// <param name="requestHeaders">Every <c>Access-Control-Request-Headers</c> line (none, one or several).</param>
    /// <param name="requestPrivateNetwork">The <c>Access-Control-Request-Private-Network</c> header, if any.</param>
    public PreflightResult EvaluatePreflight(string? origin, string? requestMethod, ReadOnlySpan<string?> requestHeaders,
        string? requestPrivateNetwork)
    {
        if (origin is null || requestMethod is null)
        {
            return PreflightResult.Reject(CorsRejection.MalformedRequest, "not a preflight: Origin or Access-Control-Request-Method is missing");
        }

        switch (_origins.Match(origin, out var allowOrigin))
        {
            case OriginMatchKind.Malformed:
                return PreflightResult.Reject(CorsRejection.MalformedRequest, "Origin is not a serialized origin");
            case OriginMatchKind.TooLong:
                return PreflightResult.Reject(CorsRejection.MalformedRequest, s_originTooLong);
            case OriginMatchKind.NotCanonical:
                return PreflightResult.Reject(CorsRejection.MalformedRequest, OriginNotCanonical);
            case OriginMatchKind.NotAllowed:
                return PreflightResult.Reject(CorsRejection.OriginNotAllowed);
        }

        if (requestMethod.Length > HttpSyntax.MaxMethodLength || !HttpSyntax.IsToken(requestMethod))
        {
            return PreflightResult.Reject(CorsRejection.MalformedRequest, "Access-Control-Request-Method is not a method name");
        }

        if (!_methods.Allows(requestMethod))
        {
            return Refuse(CorsRejection.MethodNotAllowed, requestMethod.AsMemory(), allowOrigin!, _methods.HeaderValue, _headers.HeaderValue);
        }

        var names = new RequestHeaderNames(requestHeaders);
        var askedForHeaders = false;
        ReadOnlyMemory<char> refusedHeader = default;

        // Read to the end even past a refused name (the reader is bounded), so a malformed or oversized
        // value is always reported as malformed, whichever names come first.
        while (names.MoveNext())
        {
            askedForHeaders = true;
            if (refusedHeader.IsEmpty && !_headers.Allows(names.Current))
            {
                refusedHeader = names.CurrentAsMemory();
            }
        }

        if (names.Error != RequestHeaderNamesError.None)
        {
            return PreflightResult.Reject(CorsRejection.MalformedRequest, names.Error switch
            {
                RequestHeaderNamesError.TooLong => $"Access-Control-Request-Headers is longer than {RequestHeaderNames.MaxLength} characters",
                RequestHeaderNamesError.TooManyNames => $"Access-Control-Request-Headers has more than {RequestHeaderNames.MaxNames} names",
                _ => "Access-Control-Request-Headers holds an invalid header name",
            });
        }

        // '*' is a literal name for credentialed requests: echo the method, which was validated and allowed above.
        var allowMethods = _methods.AllowAny && _allowCredentials is not null ? requestMethod : _methods.HeaderValue;
        if (!refusedHeader.IsEmpty)
        {
            return Refuse(CorsRejection.HeaderNotAllowed, refusedHeader, allowOrigin!, allowMethods, _headers.HeaderValue);
        }

        string? allowPrivateNetwork = null;
        if (requestPrivateNetwork is not null)
        {
            if (requestPrivateNetwork != True)
            {
                return PreflightResult.Reject(CorsRejection.MalformedRequest, "Access-Control-Request-Private-Network is not 'true'");
            }

            if (!Definition.AllowPrivateNetwork)
            {
                return PreflightResult.Reject(CorsRejection.PrivateNetworkNotAllowed);
            }

            allowPrivateNetwork = True;
        }

        return PreflightResult.Allow(allowOrigin!, _allowCredentials, allowMethods,
            askedForHeaders ? _headers.HeaderValue : null, _maxAge, allowPrivateNetwork);
    }

    /// <summary>
    /// A refusal for the method or a header of an allowed origin: in debug mode answered with the policy's lists, so the
    /// browser itself names the method or header that is missing from them; otherwise a plain refusal.
    /// </summary>
    private PreflightResult Refuse(CorsRejection rejection, ReadOnlyMemory<char> detail, string allowOrigin, string? allowMethods, string? allowHeaders) =>
        Definition.Debug
            ? PreflightResult.DebugAnswer(rejection, detail, allowOrigin, _allowCredentials, allowMethods, allowHeaders)
            : PreflightResult.Reject(rejection, detail);

    /// <summary>Decides a preflight whose <c>Access-Control-Request-Headers</c> arrived as at most one line.</summary>
    // RS0027 guards optional parameters added to a shipped API; both overloads have the same four parameters
    // and none has shipped yet.
#pragma warning disable RS0027
    public PreflightResult EvaluatePreflight(string? origin, string? requestMethod, string? requestHeaders = null,
        string? requestPrivateNetwork = null) =>
        EvaluatePreflight(origin, requestMethod, new ReadOnlySpan<string?>(in requestHeaders), requestPrivateNetwork);
#pragma warning restore RS0027

    /// <summary>Decides which CORS headers go on the response to an actual request from <paramref name="origin"/>.</summary>
    public ActualRequestResult EvaluateActualRequest(string origin) =>
        _origins.Match(origin, out var allowOrigin) switch
        {
            OriginMatchKind.Malformed or OriginMatchKind.TooLong or OriginMatchKind.NotCanonical =>
                ActualRequestResult.Reject(CorsRejection.MalformedRequest),
            OriginMatchKind.NotAllowed => ActualRequestResult.Reject(CorsRejection.OriginNotAllowed),
            _ => ActualRequestResult.Allow(allowOrigin!, _allowCredentials, _exposeHeaders),
        };
}
