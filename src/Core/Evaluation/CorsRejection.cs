namespace CorsFunctions.Core.Evaluation;

/// <summary>Why a CORS request was refused; <see cref="None"/> when it was allowed.</summary>
public enum CorsRejection
{
    /// <summary>Allowed.</summary>
    None = 0,

    /// <summary>The <c>Origin</c> is well formed but not allowed by the policy.</summary>
    OriginNotAllowed,

    /// <summary>The requested method is not allowed.</summary>
    MethodNotAllowed,

    /// <summary>A requested header is not allowed (see the decision's rejected header).</summary>
    HeaderNotAllowed,

    /// <summary>The page asked for private-network access and the policy does not grant it.</summary>
    PrivateNetworkNotAllowed,

    /// <summary>A CORS request header is malformed, oversized or holds characters a browser never sends.</summary>
    MalformedRequest,

    /// <summary>No policy governs the request path.</summary>
    NoPolicy,

    /// <summary>The policy for the request path is invalid; its routes fail closed until it is fixed.</summary>
    InvalidPolicy,
}
