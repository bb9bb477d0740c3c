namespace CorsFunctions.Core;

/// <summary>The names of every header the CORS protocol reads or writes, spelled once.</summary>
public static class CorsHeaderNames
{
    /// <summary><c>Origin</c>.</summary>
    public const string Origin = "Origin";

    /// <summary><c>Vary</c>.</summary>
    public const string Vary = "Vary";

    /// <summary><c>Access-Control-Request-Method</c>.</summary>
    public const string RequestMethod = "Access-Control-Request-Method";

    /// <summary><c>Access-Control-Request-Headers</c>.</summary>
    public const string RequestHeaders = "Access-Control-Request-Headers";

    /// <summary><c>Access-Control-Request-Private-Network</c>.</summary>
    public const string RequestPrivateNetwork = "Access-Control-Request-Private-Network";

    /// <summary><c>Access-Control-Allow-Origin</c>.</summary>
    public const string AllowOrigin = "Access-Control-Allow-Origin";

    /// <summary><c>Access-Control-Allow-Credentials</c>.</summary>
    public const string AllowCredentials = "Access-Control-Allow-Credentials";

    /// <summary><c>Access-Control-Allow-Methods</c>.</summary>
    public const string AllowMethods = "Access-Control-Allow-Methods";

    /// <summary><c>Access-Control-Allow-Headers</c>.</summary>
    public const string AllowHeaders = "Access-Control-Allow-Headers";

    /// <summary><c>Access-Control-Max-Age</c>.</summary>
    public const string MaxAge = "Access-Control-Max-Age";

    /// <summary><c>Access-Control-Allow-Private-Network</c>.</summary>
    public const string AllowPrivateNetwork = "Access-Control-Allow-Private-Network";

    /// <summary><c>Access-Control-Expose-Headers</c>.</summary>
    public const string ExposeHeaders = "Access-Control-Expose-Headers";
}
