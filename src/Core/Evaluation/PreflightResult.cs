using System.Runtime.InteropServices;

namespace CorsFunctions.Core.Evaluation;

/// <summary>
/// The answer to a preflight: allowed with the exact header values to send, or rejected with a reason.
/// A small struct pointing at values precomputed when the policy was compiled.
/// </summary>
public readonly struct PreflightResult
{
    /// <summary>
    /// The <c>Vary</c> names every preflight answer carries, allowed or not: each request header the answer
    /// depends on, private-network access included (its presence alone can turn an allow into a refusal). Separated by
    /// bare commas: the worker's built-in HTTP model sends a list header that way whatever it was given, and both models
    /// send the same bytes.
    /// </summary>
    public const string VaryValue =
        "Origin,Access-Control-Request-Method,Access-Control-Request-Headers,Access-Control-Request-Private-Network";

    private readonly ReadOnlyMemory<char> _detail;

    private PreflightResult(CorsRejection rejection, ReadOnlyMemory<char> detail, string? allowOrigin, string? allowCredentials,
        string? allowMethods, string? allowHeaders, string? maxAge, string? allowPrivateNetwork)
    {
        Rejection = rejection;
        _detail = detail;
        AllowOrigin = allowOrigin;
        AllowCredentials = allowCredentials;
        AllowMethods = allowMethods;
        AllowHeaders = allowHeaders;
        MaxAge = maxAge;
        AllowPrivateNetwork = allowPrivateNetwork;
    }

    /// <summary>Whether the preflight succeeds.</summary>
    public bool IsAllowed => Rejection == CorsRejection.None;

    /// <summary>
    /// Whether this refusal is answered anyway, with an ok status and the policy's allowed origin and lists (a policy in debug
    /// mode refusing a method or header), so the browser's console names what was refused. It stays a refusal: the browser
    /// blocks the request because the lists lack what it asked for.
    /// </summary>
    public bool IsDebugAnswer => !IsAllowed && AllowOrigin is not null;

    /// <summary>Why it was refused, or <see cref="CorsRejection.None"/>.</summary>
    public CorsRejection Rejection { get; }

    /// <summary>
    /// For a rejection: the refused header name (validated token) or what was malformed. Safe to log.
    /// Built when read, so that deciding a rejection allocates nothing.
    /// </summary>
    public string? Detail => MemoryMarshal.TryGetString(_detail, out var text, out var start, out var length)
        ? text.Substring(start, length)
        : null;

    /// <summary><c>Access-Control-Allow-Origin</c>, or null.</summary>
    public string? AllowOrigin { get; }

    /// <summary><c>Access-Control-Allow-Credentials</c> (<c>true</c>), or null.</summary>
    public string? AllowCredentials { get; }

    /// <summary><c>Access-Control-Allow-Methods</c>, or null.</summary>
    public string? AllowMethods { get; }

    /// <summary><c>Access-Control-Allow-Headers</c>, or null when the request asked for no header.</summary>
    public string? AllowHeaders { get; }

    /// <summary><c>Access-Control-Max-Age</c>, or null.</summary>
    public string? MaxAge { get; }

    /// <summary><c>Access-Control-Allow-Private-Network</c> (<c>true</c>), or null.</summary>
    public string? AllowPrivateNetwork { get; }

    /// <summary>A refusal: only <c>Vary</c> is written.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rejection"/> is <see cref="CorsRejection.None"/>, which would read as allowed.</exception>
    public static PreflightResult Reject(CorsRejection rejection, string? detail = null) => Reject(rejection, detail.AsMemory());

    /// <summary>A refusal whose detail is a slice of a request value (copied only if <see cref="Detail"/> is read).</summary>
    internal static PreflightResult Reject(CorsRejection rejection, ReadOnlyMemory<char> detail)
    {
        ArgumentOutOfRangeException.ThrowIfEqual(rejection, CorsRejection.None);
        return new(rejection, detail, null, null, null, null, null, null);
    }

    /// <summary>
    /// A refusal answered with the allowed origin and lists but nothing a browser would cache or act on beyond them
    /// (no max age, no private-network grant): see <see cref="IsDebugAnswer"/>.
    /// </summary>
    internal static PreflightResult DebugAnswer(CorsRejection rejection, ReadOnlyMemory<char> detail, string allowOrigin,
        string? allowCredentials, string? allowMethods, string? allowHeaders)
    {
        ArgumentOutOfRangeException.ThrowIfEqual(rejection, CorsRejection.None);
        return new(rejection, detail, allowOrigin, allowCredentials, allowMethods, allowHeaders, null, null);
    }

    internal static PreflightResult Allow(string allowOrigin, string? allowCredentials, string? allowMethods,
        string? allowHeaders, string? maxAge, string? allowPrivateNetwork) =>
        new(CorsRejection.None, default, allowOrigin, allowCredentials, allowMethods, allowHeaders, maxAge, allowPrivateNetwork);

    /// <summary>Writes <c>Vary</c> and, when allowed or a debug answer, every CORS header with a value.</summary>
    public void WriteTo<TSink>(ref TSink sink)
        where TSink : ICorsHeaderSink
    {
        sink.AppendVary(VaryValue);
        if (AllowOrigin is null)
        {
            return;
        }

        sink.SetHeader(CorsHeaderNames.AllowOrigin, AllowOrigin!);
        SetIfPresent(ref sink, CorsHeaderNames.AllowCredentials, AllowCredentials);
        SetIfPresent(ref sink, CorsHeaderNames.AllowMethods, AllowMethods);
        SetIfPresent(ref sink, CorsHeaderNames.AllowHeaders, AllowHeaders);
        SetIfPresent(ref sink, CorsHeaderNames.MaxAge, MaxAge);
        SetIfPresent(ref sink, CorsHeaderNames.AllowPrivateNetwork, AllowPrivateNetwork);
    }

    internal static void SetIfPresent<TSink>(ref TSink sink, string name, string? value)
        where TSink : ICorsHeaderSink
    {
        if (value is not null)
        {
            sink.SetHeader(name, value);
        }
    }
}
