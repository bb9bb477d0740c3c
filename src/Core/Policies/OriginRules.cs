using CorsFunctions.Core.Origins;

namespace CorsFunctions.Core.Policies;

/// <summary>Validates <see cref="CorsPolicyDefinition.AllowedOrigins"/> and builds the matcher.</summary>
internal static class OriginRules
{
    private const string Field = nameof(CorsPolicyDefinition.AllowedOrigins);

    /// <summary>Adds an error for each rule the definition breaks; the matcher is used only when the policy has none.</summary>
    public static OriginMatcher Compile(CorsPolicyDefinition definition, ErrorList errors)
    {
        var origins = definition.AllowedOrigins;
        if (origins.Count == 0)
        {
            errors.Add(PolicyErrorCodes.OriginsRequired, Field, null, "must list at least one origin.");
        }

        var allowAny = false;
        var allowNull = false;
        var exact = new HashSet<string>(StringComparer.Ordinal);
        var wildcards = new HashSet<(bool IsHttps, int Port, string Suffix)>();
        foreach (var origin in origins)
        {
            if (origin == "*")
            {
                allowAny = true;
            }
            else if (origin == OriginMatcher.NullOrigin)
            {
                allowNull = true;
                if (!definition.AllowNullOrigin)
                {
                    errors.Add(PolicyErrorCodes.OriginNullNotAllowed, Field, origin, $"is sent by sandboxed iframes and local files of any site; set {nameof(CorsPolicyDefinition.AllowNullOrigin)} to allow it.");
                }
            }
            else
            {
                AddOrigin(origin, definition, exact, wildcards, errors);
            }
        }

        if (allowAny)
        {
            CheckAnyOrigin(definition, origins.Any(o => o != "*"), errors);
        }

        return new OriginMatcher(allowAny, allowNull, exact, wildcards);
    }

    private static void CheckAnyOrigin(CorsPolicyDefinition definition, bool mixed, ErrorList errors)
    {
        if (mixed)
        {
            errors.Add(PolicyErrorCodes.OriginAnyMixed, Field, "*", "cannot be combined with other origins: '*' already allows every origin.");
        }

        if (definition.AllowCredentials)
        {
            errors.Add(PolicyErrorCodes.OriginAnyWithCredentials, Field, "*", $"cannot be used with {nameof(CorsPolicyDefinition.AllowCredentials)}: browsers refuse credentialed responses for '*', and reflecting any origin would hand every site the user's session.");
        }

        if (definition.AllowPrivateNetwork)
        {
            errors.Add(PolicyErrorCodes.OriginAnyWithPrivateNetwork, Field, "*", $"cannot be used with {nameof(CorsPolicyDefinition.AllowPrivateNetwork)}: list the public origins that may reach the private network.");
        }
    }

    private static void AddOrigin(string origin, CorsPolicyDefinition definition, HashSet<string> exact,
        HashSet<(bool, int, string)> wildcards, ErrorList errors)
    {
        var syntaxError = OriginSyntax.TryParse(origin, allowWildcard: true, out var parsed);
        if (syntaxError is OriginSyntaxError.IPv4NotCanonical or OriginSyntaxError.IPv6NotCanonical)
        {
            var browserForm = Normalise(parsed.IsHttps, OriginSyntax.SerializeAddress(parsed.Host), parsed.Port);
            errors.Add(syntaxError == OriginSyntaxError.IPv4NotCanonical ? PolicyErrorCodes.OriginIPv4NotCanonical : PolicyErrorCodes.OriginIPv6NotCanonical,
                Field, origin, $"is an address no browser sends spelled this way, so it would never match; browsers send '{browserForm}'.");
            return;
        }

        if (syntaxError != OriginSyntaxError.None)
        {
            var (code, message) = Describe(syntaxError);
            errors.Add(code, Field, origin, message);
            return;
        }

        var insecure = !parsed.IsHttps && !parsed.IsLoopback;
        if (insecure && !definition.DangerouslyAllowInsecureOrigins && (definition.AllowCredentials || definition.AllowPrivateNetwork))
        {
            errors.Add(PolicyErrorCodes.OriginInsecure, Field, origin, $"is plain http: anyone on the network can impersonate it, so it cannot get credentials or private-network access; use https or set {nameof(CorsPolicyDefinition.DangerouslyAllowInsecureOrigins)}.");
        }

        var host = parsed.Host.ToString().ToLowerInvariant();
        if (!parsed.IsWildcard)
        {
            exact.Add(Normalise(parsed.IsHttps, host, parsed.Port));
            return;
        }

        // A trailing dot makes a host of its own (browsers keep it), but the same domain for what a wildcard would cover.
        var domain = host.EndsWith('.') ? host[..^1] : host;
        if (IPv4Host.EndsInANumber(domain))
        {
            errors.Add(PolicyErrorCodes.OriginWildcardOnIPAddress, Field, origin, "puts a wildcard on an IP address; wildcards only work on domain names.");
        }
        else if (!domain.Contains('.', StringComparison.Ordinal))
        {
            errors.Add(PolicyErrorCodes.OriginWildcardOnTopLevelDomain, Field, origin, "puts a wildcard on a top-level domain, which would allow every site under it.");
        }
        else if (PublicSuffixList.IsPublicSuffix(domain) && !definition.DangerouslyAllowPublicSuffixWildcards)
        {
            errors.Add(PolicyErrorCodes.OriginWildcardOnPublicSuffix, Field, origin, $"puts a wildcard on the public suffix '{domain}', under which anyone can register a site; list the exact origins or set {nameof(CorsPolicyDefinition.DangerouslyAllowPublicSuffixWildcards)}.");
        }
        else
        {
            wildcards.Add((parsed.IsHttps, parsed.Port, host));
        }
    }

    /// <summary>The canonical form: lower case, default port dropped.</summary>
    private static string Normalise(bool isHttps, string host, int port) =>
        port == ParsedOrigin.DefaultPort(isHttps)
            ? $"{(isHttps ? "https" : "http")}://{host}"
            : $"{(isHttps ? "https" : "http")}://{host}:{port}";

    private static (string Code, string Message) Describe(OriginSyntaxError error) => error switch
    {
        OriginSyntaxError.Empty => (PolicyErrorCodes.OriginEmpty, "is empty."),
        OriginSyntaxError.WhitespaceOrControl => (PolicyErrorCodes.OriginWhitespaceOrControl, "contains white space or control characters."),
        OriginSyntaxError.NonAscii => (PolicyErrorCodes.OriginNonAscii, "contains non-ASCII characters; write the host in its punycode form (xn--...)."),
        OriginSyntaxError.NotAnOrigin => (PolicyErrorCodes.OriginNotAnOrigin, "is not an origin; write scheme://host[:port], e.g. https://app.example.com."),
        OriginSyntaxError.UnsupportedScheme => (PolicyErrorCodes.OriginUnsupportedScheme, "has a scheme other than http or https."),
        OriginSyntaxError.UserInfo => (PolicyErrorCodes.OriginUserInfoNotAllowed, "contains user information ('user@'); an origin is scheme://host[:port]."),
        OriginSyntaxError.TrailingSlash => (PolicyErrorCodes.OriginTrailingSlash, "ends with '/'; browsers send origins without a trailing slash, so it would never match."),
        OriginSyntaxError.Path => (PolicyErrorCodes.OriginPathNotAllowed, "contains a path; an origin is scheme://host[:port]."),
        OriginSyntaxError.Query => (PolicyErrorCodes.OriginQueryNotAllowed, "contains a query; an origin is scheme://host[:port]."),
        OriginSyntaxError.Fragment => (PolicyErrorCodes.OriginFragmentNotAllowed, "contains a fragment; an origin is scheme://host[:port]."),
        OriginSyntaxError.MisplacedWildcard => (PolicyErrorCodes.OriginMisplacedWildcard, "has a wildcard that is not the whole left-most label; write https://*.example.com."),
        OriginSyntaxError.InvalidPort => (PolicyErrorCodes.OriginInvalidPort, "has a port that is not a number from 1 to 65535."),
        OriginSyntaxError.InvalidIPv4 => (PolicyErrorCodes.OriginInvalidIPv4, "has a host that ends in a number, so browsers read it as an IPv4 address, and it is not one (at most four parts, each within range)."),
        OriginSyntaxError.InvalidIPv6 => (PolicyErrorCodes.OriginInvalidIPv6, "has a bracketed host that is not an IPv6 address."),
        OriginSyntaxError.InvalidPunycode => (PolicyErrorCodes.OriginInvalidPunycode, "has a label starting with 'xn--' that is not valid punycode, so browsers refuse the host; write the punycode form of a real name."),
        _ => (PolicyErrorCodes.OriginInvalidHost, "has an invalid host name."),
    };
}
