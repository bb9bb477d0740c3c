namespace CorsFunctions.Core.Policies;

/// <summary>
/// The stable code of every rule a policy definition can break (<see cref="PolicyError.Code"/>): clients of
/// the management API and the corsfunctions CLI act on these, never on the wording of the message. A code, once
/// published, keeps its meaning; docs/policies.md lists them all.
/// </summary>
public static class PolicyErrorCodes
{
    /// <summary>The id is missing.</summary>
    public const string IdRequired = "id.required";

    /// <summary>The id is longer than 128 characters or holds something other than letters, digits, '-', '_' or '.'.</summary>
    public const string IdInvalid = "id.invalid";

    /// <summary>The id in a request body differs from the id in its URL.</summary>
    public const string IdMismatch = "id.mismatch";

    /// <summary>Two policies of one file or set share an id.</summary>
    public const string IdDuplicate = "id.duplicate";

    /// <summary>No route pattern.</summary>
    public const string RoutesRequired = "routes.required";

    /// <summary>A route pattern is empty.</summary>
    public const string RouteEmpty = "route.empty";

    /// <summary>A route pattern is longer than its limit.</summary>
    public const string RouteTooLong = "route.too_long";

    /// <summary>A route pattern does not start with '/'.</summary>
    public const string RouteNotAbsolute = "route.not_absolute";

    /// <summary>A route pattern holds a character that is not a printable ASCII path character.</summary>
    public const string RouteInvalidCharacter = "route.invalid_character";

    /// <summary>A route pattern has more segments than its limit.</summary>
    public const string RouteTooManySegments = "route.too_many_segments";

    /// <summary>A route pattern has an empty segment ('//').</summary>
    public const string RouteEmptySegment = "route.empty_segment";

    /// <summary><c>**</c> anywhere but the last segment.</summary>
    public const string RouteMisplacedAnyDepthWildcard = "route.misplaced_any_depth_wildcard";

    /// <summary><c>*</c> inside a segment (<c>/api/items*</c>).</summary>
    public const string RoutePartialWildcard = "route.partial_wildcard";

    /// <summary>No origin.</summary>
    public const string OriginsRequired = "origins.required";

    /// <summary>An origin is empty.</summary>
    public const string OriginEmpty = "origin.empty";

    /// <summary>An origin holds white space or control characters.</summary>
    public const string OriginWhitespaceOrControl = "origin.whitespace_or_control";

    /// <summary>An origin holds non-ASCII characters (write the punycode form).</summary>
    public const string OriginNonAscii = "origin.non_ascii";

    /// <summary>An origin is not <c>scheme://host[:port]</c> at all.</summary>
    public const string OriginNotAnOrigin = "origin.not_an_origin";

    /// <summary>An origin's scheme is neither http nor https.</summary>
    public const string OriginUnsupportedScheme = "origin.unsupported_scheme";

    /// <summary>An origin holds user information (<c>user@</c>).</summary>
    public const string OriginUserInfoNotAllowed = "origin.user_info_not_allowed";

    /// <summary>An origin ends with '/'.</summary>
    public const string OriginTrailingSlash = "origin.trailing_slash";

    /// <summary>An origin holds a path.</summary>
    public const string OriginPathNotAllowed = "origin.path_not_allowed";

    /// <summary>An origin holds a query.</summary>
    public const string OriginQueryNotAllowed = "origin.query_not_allowed";

    /// <summary>An origin holds a fragment.</summary>
    public const string OriginFragmentNotAllowed = "origin.fragment_not_allowed";

    /// <summary>An origin's host is not a valid host name.</summary>
    public const string OriginInvalidHost = "origin.invalid_host";

    /// <summary>An origin's port is not a number from 1 to 65535.</summary>
    public const string OriginInvalidPort = "origin.invalid_port";

    /// <summary>An IPv4 host spelled otherwise than the dotted quad browsers send (<c>127.1</c>, <c>0x7f.0.0.1</c>, <c>2130706433</c>).</summary>
    public const string OriginIPv4NotCanonical = "origin.ipv4_not_canonical";

    /// <summary>A host that ends in a number but is no IPv4 address (<c>127.0.0.256</c>, five parts).</summary>
    public const string OriginInvalidIPv4 = "origin.invalid_ipv4";

    /// <summary>An IPv6 host spelled otherwise than browsers serialize it (<c>[0:0:0:0:0:0:0:1]</c> for <c>[::1]</c>).</summary>
    public const string OriginIPv6NotCanonical = "origin.ipv6_not_canonical";

    /// <summary>A bracketed host that is no IPv6 address (<c>[:::1]</c>).</summary>
    public const string OriginInvalidIPv6 = "origin.invalid_ipv6";

    /// <summary>A label starting with <c>xn--</c> that is not valid punycode.</summary>
    public const string OriginInvalidPunycode = "origin.invalid_punycode";

    /// <summary>A wildcard that is not the whole left-most label.</summary>
    public const string OriginMisplacedWildcard = "origin.misplaced_wildcard";

    /// <summary>The origin <c>null</c> without <see cref="CorsPolicyDefinition.AllowNullOrigin"/>.</summary>
    public const string OriginNullNotAllowed = "origin.null_not_allowed";

    /// <summary>A plain-http origin (not loopback) with credentials or private-network access, without the dangerously flag.</summary>
    public const string OriginInsecure = "origin.insecure";

    /// <summary>A wildcard on an IP address.</summary>
    public const string OriginWildcardOnIPAddress = "origin.wildcard_on_ip_address";

    /// <summary>A wildcard on a top-level domain.</summary>
    public const string OriginWildcardOnTopLevelDomain = "origin.wildcard_on_top_level_domain";

    /// <summary>A wildcard on a public suffix without the dangerously flag.</summary>
    public const string OriginWildcardOnPublicSuffix = "origin.wildcard_on_public_suffix";

    /// <summary><c>*</c> together with other origins.</summary>
    public const string OriginAnyMixed = "origin.any_mixed";

    /// <summary><c>*</c> with credentials.</summary>
    public const string OriginAnyWithCredentials = "origin.any_with_credentials";

    /// <summary><c>*</c> with private-network access.</summary>
    public const string OriginAnyWithPrivateNetwork = "origin.any_with_private_network";

    /// <summary>A method that is not an HTTP token.</summary>
    public const string MethodInvalidName = "method.invalid_name";

    /// <summary>CONNECT, TRACE or TRACK.</summary>
    public const string MethodForbidden = "method.forbidden";

    /// <summary><c>*</c> together with other methods.</summary>
    public const string MethodAnyMixed = "method.any_mixed";

    /// <summary>A method longer than <see cref="PolicyCompiler.MaxEntryLength"/> characters.</summary>
    public const string MethodTooLong = "method.too_long";

    /// <summary>An allowed header name that is not an HTTP token.</summary>
    public const string HeaderInvalidName = "header.invalid_name";

    /// <summary>An <c>Access-Control-*</c> name among the allowed headers.</summary>
    public const string HeaderCorsProtocol = "header.cors_protocol";

    /// <summary>A forbidden request header (<c>Cookie</c>, <c>Host</c>, <c>Sec-*</c>...) among the allowed headers.</summary>
    public const string HeaderForbidden = "header.forbidden";

    /// <summary><c>*</c> allowed headers with credentials.</summary>
    public const string HeaderAnyWithCredentials = "header.any_with_credentials";

    /// <summary><c>*</c> allowed headers together with names other than <c>Authorization</c>.</summary>
    public const string HeaderAnyMixed = "header.any_mixed";

    /// <summary>An allowed header name longer than <see cref="PolicyCompiler.MaxEntryLength"/> characters.</summary>
    public const string HeaderTooLong = "header.too_long";

    /// <summary>An exposed header name that is not an HTTP token.</summary>
    public const string ExposedHeaderInvalidName = "exposed_header.invalid_name";

    /// <summary><c>Set-Cookie</c> or <c>Set-Cookie2</c> among the exposed headers: browsers never let a page read them.</summary>
    public const string ExposedHeaderForbidden = "exposed_header.forbidden";

    /// <summary>An <c>Access-Control-*</c> name among the exposed headers.</summary>
    public const string ExposedHeaderCorsProtocol = "exposed_header.cors_protocol";

    /// <summary><c>*</c> exposed headers with credentials.</summary>
    public const string ExposedHeaderAnyWithCredentials = "exposed_header.any_with_credentials";

    /// <summary><c>*</c> exposed headers together with other names.</summary>
    public const string ExposedHeaderAnyMixed = "exposed_header.any_mixed";

    /// <summary>An exposed header name longer than <see cref="PolicyCompiler.MaxEntryLength"/> characters.</summary>
    public const string ExposedHeaderTooLong = "exposed_header.too_long";

    /// <summary>Max age below 0 or above 86400.</summary>
    public const string MaxAgeOutOfRange = "max_age.out_of_range";

    /// <summary>A mode other than enforce or reportOnly.</summary>
    public const string ModeInvalid = "mode.invalid";

    /// <summary>A description longer than <see cref="PolicyCompiler.MaxDescriptionLength"/> characters.</summary>
    public const string DescriptionTooLong = "description.too_long";

    /// <summary>A stored property has a type it cannot be read as (a number stored as text that is not one...).</summary>
    public const string StoredWrongType = "stored.wrong_type";

    /// <summary>A list is longer, once stored, than a table property holds.</summary>
    public const string StoredTooLong = "stored.too_long";

    /// <summary>The table row a definition would be stored as would read back as a different definition.</summary>
    public const string StoredRoundTrip = "stored.round_trip";

    /// <summary>The policy row or its audit entry would be larger than a table entity may be (1 MiB).</summary>
    public const string StoredTooLarge = "stored.too_large";
}
