using CorsFunctions.Core.Policies;
using CsCheck;

namespace CorsFunctions.Functions.Tests.Policies;

/// <summary>
/// Policy definitions as an operator or an attacker might write them: mostly sound entries, and entries holding what
/// a comma-separated row cannot keep (the separator, surrounding and inner white space, empty entries, non-ASCII,
/// duplicates in other case), so a property over them explores both sides of every rule.
/// </summary>
internal static class PolicyDefinitionGen
{
    private const string Hazards = ", \t;|\"'\u00e9\u2028";

    private static readonly Gen<string> s_hazard = Gen.Char[Hazards].Select(c => c.ToString());

    /// <summary>Text of <paramref name="alphabet"/> with, now and then, a hazard at its start, end or middle.</summary>
    private static Gen<string> Text(string alphabet, int maxLength) =>
        Gen.Select(Gen.Char[alphabet].Array[0, maxLength], s_hazard, Gen.Int[0, 9], (chars, hazard, where) => where switch
        {
            0 => hazard + new string(chars),
            1 => new string(chars) + hazard,
            2 => new string(chars).Insert(chars.Length / 2, hazard),
            _ => new string(chars),
        });

    /// <summary>Mostly <paramref name="sound"/> entries, sometimes <paramref name="hazardous"/> ones, sometimes generated text.</summary>
    private static Gen<string> Entry(Gen<string> sound, Gen<string> hazardous, Gen<string> generated) =>
        Gen.Frequency((12, (IGen<string>)sound), (1, hazardous), (2, generated));

    private static readonly Gen<string> s_route = Entry(
        Gen.OneOf("/api/items", "/api/items/", "/api/items/*", "/api/**", "/**", "/", "/API/Items"),
        Gen.OneOf("/api/items,/**", "/a b", "", "/api/items, /api/orders", " /api"),
        Gen.Select(Text("abc-_.", 6), Text("abc*", 4), (first, second) => $"/{first}/{second}"));

    private static readonly Gen<string> s_origin = Entry(
        Gen.OneOf("https://app.example.com", "http://localhost:5173", "https://*.example.com", "https://api.example.org:8443", "https://APP.example.com"),
        Gen.OneOf("*", "null", "https://a.example.com,https://b.example.com", "https://app.example.com ", "", "https://app.example.com,"),
        Gen.Select(Gen.OneOf("https://", "http://", "HTTPS://"), Text("abcxyz-.", 10), Gen.OneOf("", ".example.com", ":8080", ".com"),
            (scheme, host, tail) => scheme + host + tail));

    private static readonly Gen<string> s_method = Entry(
        Gen.OneOf("GET", "PUT", "DELETE", "patch", "PATCH", "X-CUSTOM"),
        Gen.OneOf("*", "PUT,DELETE", " PUT", "TRACE", ""),
        Text("ABCXYZ-!#", 8));

    private static readonly Gen<string> s_header = Entry(
        Gen.OneOf("X-Auth-Token", "Content-Type", "content-type", "Authorization", "X-Request-Id"),
        Gen.OneOf("*", "X-A,X-B", "Cookie", "", " X-Pad ", "X-A, X-B"),
        Text("abcXYZ-_019", 10));

    private static readonly Gen<bool> s_rarely = Gen.Frequency((4, false), (1, true));

    private static readonly Gen<string?> s_description = Gen.OneOf(
        Gen.OneOf<string?>(null, "", "orders, returns and refunds", "line one\nline two", "\u00e9l\u00e8ve \U0001F600", "  padded  "),
        Text("abc ,\u00e9", 30).Select(text => (string?)text));

    /// <summary>A definition of one to three routes, one to four origins, and up to four of each other list.</summary>
    public static Gen<CorsPolicyDefinition> Definition { get; } =
        Gen.Select(
            Gen.Select(Gen.OneOf("items", "orders.v2", "a_b-c"), s_route.Array[1, 3], s_origin.Array[1, 4], s_method.Array[0, 4], s_header.Array[0, 4], s_header.Array[0, 4]),
            Gen.Select(s_rarely, Gen.Int[-5, 90000].Nullable(0.3), s_rarely, Gen.Bool, Gen.OneOf(PolicyMode.Enforce, PolicyMode.ReportOnly), s_description),
            Gen.Select(s_rarely, s_rarely, s_rarely, s_rarely),
            (lists, flags, dangers) => new CorsPolicyDefinition
            {
                Id = lists.Item1,
                Routes = lists.Item2,
                AllowedOrigins = lists.Item3,
                AllowedMethods = lists.Item4,
                AllowedHeaders = lists.Item5,
                ExposedHeaders = lists.Item6,
                AllowCredentials = flags.Item1,
                MaxAgeSeconds = flags.Item2,
                AllowPrivateNetwork = flags.Item3,
                Enabled = flags.Item4,
                Mode = flags.Item5,
                Description = flags.Item6,
                AllowNullOrigin = dangers.Item1,
                DangerouslyAllowInsecureOrigins = dangers.Item2,
                DangerouslyAllowPublicSuffixWildcards = dangers.Item3,
                Debug = dangers.Item4,
            });
}
