using System.Globalization;
using System.Net;
using System.Net.Sockets;
using CorsFunctions.Core.Evaluation;
using CorsFunctions.Core.Policies;
using static CorsFunctions.Core.Tests.Support.Definitions;

namespace CorsFunctions.Core.Tests.Evaluation;

/// <summary>
/// Thousands of random requests (seeded, so a failure replays) against policies whose answer a plain
/// referee can state: only an allowed origin spelled as browsers send it (canonical) gets ACAO, which is then
/// that origin byte for byte or <c>*</c>, every granted method and header is one the policy allows, and nothing throws.
/// </summary>
public class EvaluationPropertyTests
{
    private const int Iterations = 5_000;

    private static readonly string[] s_exactOrigins = ["https://app.example.com", "http://localhost:5173", "https://api.example.org:8443"];
    private const string WildcardSuffix = ".example.net";

    private static readonly string[] s_schemes = ["https", "http", "HTTPS", "Http", "ftp", "wss", "", "https:", "javascript"];
    private static readonly string[] s_hosts =
    [
        "app.example.com", "APP.Example.com", "app.example.com.evil.com", "evilapp.example.com", "app.example.co",
        "xapp.example.com", "example.com", "localhost", "LOCALHOST", "localhost.evil.com", "api.example.org",
        "example.net", "a.example.net", "a.b.example.net", "A.EXAMPLE.NET", "evilexample.net", "example.net.evil.com",
        "a-example.net", "127.0.0.1", "[::1]", "xn--80ak6aa92e.com", "app.example.com.", ".example.net", "a.example.net.",
        "127.1", "0x7f.0.0.1", "[0::1]", "[::ffff:127.0.0.1]", "xn--zz.example.net", "xn--.example.com", "example.com..",
        "a_b.example.net", "_x.example.net", "app_x.example.com", "app.example_com",
    ];

    private static readonly string[] s_ports = ["", "", "", ":443", ":80", ":8443", ":5173", ":0", ":65536", ":08443", ":abc", ":"];
    private static readonly string[] s_junk = ["/", "/path", "?q=1", "#f", "\r\n", "\0", " ", "\u00e9", "@evil.com", "%2e", "\t", "\u2028"];
    private static readonly string[] s_methods = ["GET", "HEAD", "POST", "PUT", "put", "PATCH", "patch", "DELETE", "delete", "PURGE", "OPTIONS", "CONNECT", "TRACE", "TRACK", "connect", "", "GE T", "G\r\nET", "\u00c9T"];
    private static readonly string[] s_headerNames = ["x-auth-token", "X-Auth-Token", "content-type", "authorization", "x-other", "accept", "cookie", "x-a b", "x-\u00e9", "x\r\ny", "", " "];

    private static readonly CorsPolicyDefinition s_listed = Valid with
    {
        AllowedOrigins = [.. s_exactOrigins, "https://*" + WildcardSuffix],
        AllowedMethods = ["PUT", "patch"],
        AllowedHeaders = ["X-Auth-Token", "Content-Type"],
    };

    public static TheoryData<string, CorsPolicyDefinition, int> Policies() => new()
    {
        { "listed", s_listed, 1 },
        { "credentialed", s_listed with { AllowCredentials = true, AllowPrivateNetwork = true }, 2 },
        { "star", Valid with { AllowedOrigins = ["*"], AllowedMethods = ["*"], AllowedHeaders = ["*"] }, 3 },
        { "star-methods-credentialed", s_listed with { AllowedMethods = ["*"], AllowCredentials = true }, 4 },
    };

    [Theory]
    [MemberData(nameof(Policies))]
    public void Random_preflights_never_grant_what_the_policy_does_not_allow(string name, CorsPolicyDefinition definition, int seed)
    {
        var policy = Compile(definition);
        var random = new Random(seed);
        for (var i = 0; i < Iterations; i++)
        {
            var origin = RandomOrigin(random);
            var method = Pick(random, s_methods);
            var headers = RandomHeaderLines(random);
            var result = policy.EvaluatePreflight(origin, method, headers, random.Next(4) == 0 ? "true" : null);
            var because = $"{name} #{i}: {Show(origin)} {Show(method)} [{Show(string.Join(" | ", headers))}]";

            AssertOriginGrantedOnlyIfAllowed(definition, origin, result.IsAllowed, result.AllowOrigin, because);
            if (IsAllowedBrowserOrigin(definition, origin))
            {
                Assert.True(result.Rejection != CorsRejection.OriginNotAllowed, because);
            }

            if (result.IsAllowed)
            {
                Assert.True(MethodAllowed(definition, method), because);
                Assert.All(Names(headers), h => Assert.True(HeaderAllowed(definition, h), because));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public void Random_actual_requests_never_grant_a_disallowed_origin(string name, CorsPolicyDefinition definition, int seed)
    {
        var policy = Compile(definition);
        var random = new Random(seed);
        for (var i = 0; i < Iterations; i++)
        {
            var origin = RandomOrigin(random);
            var result = policy.EvaluateActualRequest(origin);

            var because = $"{name} #{i}: {Show(origin)}";

            AssertOriginGrantedOnlyIfAllowed(definition, origin, result.IsAllowed, result.AllowOrigin, because);
            Assert.True(result.IsAllowed == IsAllowedBrowserOrigin(definition, origin), because);
        }
    }

    private static void AssertOriginGrantedOnlyIfAllowed(CorsPolicyDefinition definition, string origin, bool isAllowed, string? allowOrigin, string because)
    {
        if (!isAllowed)
        {
            Assert.Null(allowOrigin);
            return;
        }

        Assert.True(IsAllowedBrowserOrigin(definition, origin), because);
        Assert.True(allowOrigin == "*" || allowOrigin == origin, because);
    }

    /// <summary>Whether the origin is one a browser sends (canonical) and the policy allows.</summary>
    private static bool IsAllowedBrowserOrigin(CorsPolicyDefinition definition, string origin) =>
        Canonical(origin) == origin && OriginAllowed(definition, origin);

    /// <summary>The referee: lower-case scheme and host, default port dropped; null when not an origin at all.</summary>
    private static string? Canonical(string origin)
    {
        if (origin == "null")
        {
            return origin;
        }

        var schemeEnd = origin.IndexOf("://", StringComparison.Ordinal);
        var scheme = schemeEnd < 0 ? "" : origin[..schemeEnd].ToLowerInvariant();
        if (scheme is not ("http" or "https"))
        {
            return null;
        }

        var authority = origin[(schemeEnd + 3)..].ToLowerInvariant();
        var colon = authority.LastIndexOf(':');
        var host = colon > authority.LastIndexOf(']') ? authority[..colon] : authority;
        var portText = host.Length < authority.Length ? authority[(host.Length + 1)..] : null;
        var defaultPort = scheme == "https" ? 443 : 80;
        var port = defaultPort;
        if (!IsHost(host) || (portText is not null && !(portText.Length is > 0 and <= 5 && portText.All(char.IsAsciiDigit)
            && int.TryParse(portText, CultureInfo.InvariantCulture, out port) && port is >= 1 and <= 65535)))
        {
            return null;
        }

        return port == defaultPort ? $"{scheme}://{host}" : $"{scheme}://{host}:{port}";
    }

    /// <summary>An IPv6 host as browsers serialize it: RFC 5952 (what <see cref="IPAddress"/> writes), never with a dotted tail.</summary>
    private static bool IsHost(string host) => host.StartsWith('[')
        ? host.Length > 3 && host.EndsWith(']') && IPAddress.TryParse(host[1..^1], out var address)
            && address.AddressFamily == AddressFamily.InterNetworkV6 && address.ToString() == host[1..^1] && !host.Contains('.', StringComparison.Ordinal)
        : IsDomainOrAddress(host.EndsWith('.') ? host[..^1] : host);

    /// <summary>
    /// Labels of letters, digits, '-' and '_' (a trailing dot is kept by browsers and was cut off above); a host whose
    /// last label is digits only is an IPv4 address browsers send as a plain dotted quad; an A-label must decode.
    /// </summary>
    private static bool IsDomainOrAddress(string name)
    {
        var labels = name.Split('.');
        if (name.Length is 0 or > 253 || !labels.All(l => l.Length is > 0 and <= 63 && l.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            return false;
        }

        if (labels[^1].All(char.IsAsciiDigit) || labels[^1].StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return labels.Length == 4 && labels.All(l => l.All(char.IsAsciiDigit) && l.Length <= 3 && (l.Length == 1 || l[0] != '0')
                && int.Parse(l, CultureInfo.InvariantCulture) <= 255);
        }

        return labels.Where(l => l.StartsWith("xn--", StringComparison.OrdinalIgnoreCase)).All(DecodesAsPunycode);
    }

    private static bool DecodesAsPunycode(string label)
    {
        try
        {
            new IdnMapping().GetUnicode(label);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static bool OriginAllowed(CorsPolicyDefinition definition, string canonical) =>
        definition.AllowedOrigins.Contains("*")
        || definition.AllowedOrigins.Contains(canonical)
        || (canonical.StartsWith("https://", StringComparison.Ordinal) && canonical.EndsWith(WildcardSuffix, StringComparison.Ordinal)
            && canonical.Length > "https://".Length + WildcardSuffix.Length && !canonical.Contains('[', StringComparison.Ordinal));

    private static bool MethodAllowed(CorsPolicyDefinition definition, string method) =>
        method is "GET" or "HEAD" or "POST"
        || (method is not ("CONNECT" or "TRACE" or "TRACK" or "connect") && (definition.AllowedMethods.Contains("*") || definition.AllowedMethods.Contains(method)));

    private static bool HeaderAllowed(CorsPolicyDefinition definition, string name) =>
        definition.AllowedHeaders.Contains(name, StringComparer.OrdinalIgnoreCase)
        || (definition.AllowedHeaders.Contains("*") && !name.Equals("authorization", StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<string> Names(string?[] lines) =>
        lines.SelectMany(l => (l ?? "").Split(',')).Select(n => n.Trim(' ', '\t')).Where(n => n.Length > 0);

    private static string RandomOrigin(Random random) => random.Next(20) switch
    {
        0 => "null",
        1 => RandomText(random),
        _ => Pick(random, s_schemes) + "://" + RandomHost(random) + Pick(random, s_ports) + (random.Next(6) == 0 ? Pick(random, s_junk) : ""),
    };

    private static string RandomHost(Random random)
    {
        var host = Pick(random, s_hosts);
        return random.Next(8) == 0 ? RandomText(random) + host : host;
    }

    private static string?[] RandomHeaderLines(Random random)
    {
        var lines = new string?[random.Next(3)];
        for (var i = 0; i < lines.Length; i++)
        {
            var names = Enumerable.Range(0, random.Next(4)).Select(_ => Pick(random, s_headerNames));
            lines[i] = string.Join(random.Next(2) == 0 ? "," : " ,\t", names);
        }

        return lines;
    }

    private static string RandomText(Random random)
    {
        var chars = new char[random.Next(1, 12)];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = random.Next(10) == 0 ? (char)random.Next(0, 0x3000) : (char)random.Next(0x20, 0x7F);
        }

        return new string(chars);
    }

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];

    private static string Show(string value) => value.ReplaceLineEndings("\\n").Replace("\0", "\\0", StringComparison.Ordinal);
}
