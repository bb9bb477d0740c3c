namespace CorsFunctions.Core.Evaluation;

/// <summary>
/// The CORS headers to stamp on the response of an actual (non-preflight) cross-origin request.
/// When the origin is refused only <c>Vary: Origin</c> is written, and the browser hides the response.
/// </summary>
public readonly struct ActualRequestResult
{
    /// <summary>The <c>Vary</c> name every cross-origin response carries, allowed or not.</summary>
    public const string VaryValue = "Origin";

    private ActualRequestResult(CorsRejection rejection, string? allowOrigin, string? allowCredentials, string? exposeHeaders)
    {
        Rejection = rejection;
        AllowOrigin = allowOrigin;
        AllowCredentials = allowCredentials;
        ExposeHeaders = exposeHeaders;
    }

    /// <summary>Whether the page may read the response.</summary>
    public bool IsAllowed => Rejection == CorsRejection.None;

    /// <summary>Why it was refused, or <see cref="CorsRejection.None"/>.</summary>
    public CorsRejection Rejection { get; }

    /// <summary><c>Access-Control-Allow-Origin</c>, or null.</summary>
    public string? AllowOrigin { get; }

    /// <summary><c>Access-Control-Allow-Credentials</c> (<c>true</c>), or null.</summary>
    public string? AllowCredentials { get; }

    /// <summary><c>Access-Control-Expose-Headers</c>, or null.</summary>
    public string? ExposeHeaders { get; }

    /// <summary>A refusal: only <c>Vary</c> is written.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rejection"/> is <see cref="CorsRejection.None"/>, which would read as allowed.</exception>
    public static ActualRequestResult Reject(CorsRejection rejection)
    {
        ArgumentOutOfRangeException.ThrowIfEqual(rejection, CorsRejection.None);
        return new(rejection, null, null, null);
    }

    internal static ActualRequestResult Allow(string allowOrigin, string? allowCredentials, string? exposeHeaders) =>
        new(CorsRejection.None, allowOrigin, allowCredentials, exposeHeaders);

    /// <summary>Writes <c>Vary</c> and, when allowed, the CORS headers with a value.</summary>
    public void WriteTo<TSink>(ref TSink sink)
        where TSink : ICorsHeaderSink
    {
        sink.AppendVary(VaryValue);
        if (!IsAllowed)
        {
            return;
        }

        sink.SetHeader(CorsHeaderNames.AllowOrigin, AllowOrigin!);
        PreflightResult.SetIfPresent(ref sink, CorsHeaderNames.AllowCredentials, AllowCredentials);
        PreflightResult.SetIfPresent(ref sink, CorsHeaderNames.ExposeHeaders, ExposeHeaders);
    }
}
