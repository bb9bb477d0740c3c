namespace CorsFunctions.Core.Origins;

/// <summary>Why a text is not a serialized origin (<c>scheme://host[:port]</c>).</summary>
internal enum OriginSyntaxError
{
    None,
    Empty,
    WhitespaceOrControl,
    NonAscii,
    NotAnOrigin,
    UnsupportedScheme,
    UserInfo,
    TrailingSlash,
    Path,
    Query,
    Fragment,
    InvalidHost,
    MisplacedWildcard,
    InvalidPort,
    InvalidIPv4,
    IPv4NotCanonical,
    InvalidIPv6,
    IPv6NotCanonical,
    InvalidPunycode,
}
