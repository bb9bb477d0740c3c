using System.Reflection;
using System.Text.RegularExpressions;
using CorsFunctions.Core.Policies;
using static CorsFunctions.Core.Tests.Support.Definitions;

namespace CorsFunctions.Core.Tests.Policies;

/// <summary>Each validation rule answers with its own stable code, so a client can act on it without reading the message.</summary>
public partial class PolicyErrorCodeTests
{
    /// <summary>Codes given by the hosts that read, store and serve policies, not by <see cref="PolicyCompiler"/>.</summary>
    private static readonly string[] s_hostCodes =
        [PolicyErrorCodes.IdMismatch, PolicyErrorCodes.IdDuplicate, PolicyErrorCodes.StoredWrongType, PolicyErrorCodes.StoredTooLong,
        PolicyErrorCodes.StoredRoundTrip, PolicyErrorCodes.StoredTooLarge];

    private static readonly Dictionary<string, CorsPolicyDefinition> s_brokenRules = new()
    {
        [PolicyErrorCodes.IdRequired] = Valid with { Id = "" },
        [PolicyErrorCodes.IdInvalid] = Valid with { Id = "a/b" },
        [PolicyErrorCodes.RoutesRequired] = Valid with { Routes = [] },
        [PolicyErrorCodes.RouteEmpty] = Valid with { Routes = [""] },
        [PolicyErrorCodes.RouteTooLong] = Valid with { Routes = ["/" + new string('a', 600)] },
        [PolicyErrorCodes.RouteNotAbsolute] = Valid with { Routes = ["api/items"] },
        [PolicyErrorCodes.RouteInvalidCharacter] = Valid with { Routes = ["/api/items?x=1"] },
        [PolicyErrorCodes.RouteTooManySegments] = Valid with { Routes = [string.Concat(Enumerable.Repeat("/a", 17))] },
        [PolicyErrorCodes.RouteEmptySegment] = Valid with { Routes = ["/api//items"] },
        [PolicyErrorCodes.RouteMisplacedAnyDepthWildcard] = Valid with { Routes = ["/api/**/items"] },
        [PolicyErrorCodes.RoutePartialWildcard] = Valid with { Routes = ["/api/items*"] },
        [PolicyErrorCodes.OriginsRequired] = Valid with { AllowedOrigins = [] },
        [PolicyErrorCodes.OriginEmpty] = Valid with { AllowedOrigins = [""] },
        [PolicyErrorCodes.OriginWhitespaceOrControl] = Valid with { AllowedOrigins = ["https://a.example.com "] },
        [PolicyErrorCodes.OriginNonAscii] = Valid with { AllowedOrigins = ["https://bücher.example"] },
        [PolicyErrorCodes.OriginNotAnOrigin] = Valid with { AllowedOrigins = ["a.example.com"] },
        [PolicyErrorCodes.OriginUnsupportedScheme] = Valid with { AllowedOrigins = ["ftp://a.example.com"] },
        [PolicyErrorCodes.OriginUserInfoNotAllowed] = Valid with { AllowedOrigins = ["https://user@a.example.com"] },
        [PolicyErrorCodes.OriginTrailingSlash] = Valid with { AllowedOrigins = ["https://a.example.com/"] },
        [PolicyErrorCodes.OriginPathNotAllowed] = Valid with { AllowedOrigins = ["https://a.example.com/app"] },
        [PolicyErrorCodes.OriginQueryNotAllowed] = Valid with { AllowedOrigins = ["https://a.example.com?x"] },
        [PolicyErrorCodes.OriginFragmentNotAllowed] = Valid with { AllowedOrigins = ["https://a.example.com#x"] },
        [PolicyErrorCodes.OriginInvalidHost] = Valid with { AllowedOrigins = ["https://a..example.com"] },
        [PolicyErrorCodes.OriginInvalidPort] = Valid with { AllowedOrigins = ["https://a.example.com:70000"] },
        [PolicyErrorCodes.OriginIPv4NotCanonical] = Valid with { AllowedOrigins = ["http://127.1:3000"] },
        [PolicyErrorCodes.OriginInvalidIPv4] = Valid with { AllowedOrigins = ["http://127.0.0.256:3000"] },
        [PolicyErrorCodes.OriginIPv6NotCanonical] = Valid with { AllowedOrigins = ["http://[::0001]:3000"] },
        [PolicyErrorCodes.OriginInvalidIPv6] = Valid with { AllowedOrigins = ["http://[:::1]:3000"] },
        [PolicyErrorCodes.OriginInvalidPunycode] = Valid with { AllowedOrigins = ["https://xn--zz.example.com"] },
        [PolicyErrorCodes.OriginMisplacedWildcard] = Valid with { AllowedOrigins = ["https://a.*.example.com"] },
        [PolicyErrorCodes.OriginNullNotAllowed] = Valid with { AllowedOrigins = ["null"] },
        [PolicyErrorCodes.OriginInsecure] = Valid with { AllowedOrigins = ["http://a.example.com"], AllowCredentials = true },
        [PolicyErrorCodes.OriginWildcardOnIPAddress] = Valid with { AllowedOrigins = ["https://*.0.0.1"] },
        [PolicyErrorCodes.OriginWildcardOnTopLevelDomain] = Valid with { AllowedOrigins = ["https://*.com"] },
        [PolicyErrorCodes.OriginWildcardOnPublicSuffix] = Valid with { AllowedOrigins = ["https://*.co.uk"] },
        [PolicyErrorCodes.OriginAnyMixed] = Valid with { AllowedOrigins = ["*", AppOrigin] },
        [PolicyErrorCodes.OriginAnyWithCredentials] = Valid with { AllowedOrigins = ["*"], AllowCredentials = true },
        [PolicyErrorCodes.OriginAnyWithPrivateNetwork] = Valid with { AllowedOrigins = ["*"], AllowPrivateNetwork = true },
        [PolicyErrorCodes.MethodInvalidName] = Valid with { AllowedMethods = ["GE T"] },
        [PolicyErrorCodes.MethodForbidden] = Valid with { AllowedMethods = ["TRACE"] },
        [PolicyErrorCodes.MethodAnyMixed] = Valid with { AllowedMethods = ["*", "PUT"] },
        [PolicyErrorCodes.HeaderInvalidName] = Valid with { AllowedHeaders = ["X Foo"] },
        [PolicyErrorCodes.HeaderCorsProtocol] = Valid with { AllowedHeaders = ["Access-Control-Allow-Origin"] },
        [PolicyErrorCodes.HeaderForbidden] = Valid with { AllowedHeaders = ["Cookie"] },
        [PolicyErrorCodes.HeaderAnyWithCredentials] = Valid with { AllowedHeaders = ["*"], AllowCredentials = true },
        [PolicyErrorCodes.HeaderAnyMixed] = Valid with { AllowedHeaders = ["*", "X-Foo"] },
        [PolicyErrorCodes.ExposedHeaderInvalidName] = Valid with { ExposedHeaders = ["X Foo"] },
        [PolicyErrorCodes.ExposedHeaderForbidden] = Valid with { ExposedHeaders = ["Set-Cookie"] },
        [PolicyErrorCodes.ExposedHeaderCorsProtocol] = Valid with { ExposedHeaders = ["Access-Control-Allow-Origin"] },
        [PolicyErrorCodes.ExposedHeaderAnyWithCredentials] = Valid with { ExposedHeaders = ["*"], AllowCredentials = true },
        [PolicyErrorCodes.ExposedHeaderAnyMixed] = Valid with { ExposedHeaders = ["*", "ETag"] },
        [PolicyErrorCodes.MaxAgeOutOfRange] = Valid with { MaxAgeSeconds = -1 },
        [PolicyErrorCodes.ModeInvalid] = Valid with { Mode = (PolicyMode)7 },
        [PolicyErrorCodes.MethodTooLong] = Valid with { AllowedMethods = [new string('M', PolicyCompiler.MaxEntryLength + 1)] },
        [PolicyErrorCodes.HeaderTooLong] = Valid with { AllowedHeaders = ["X-" + new string('h', PolicyCompiler.MaxEntryLength)] },
        [PolicyErrorCodes.ExposedHeaderTooLong] = Valid with { ExposedHeaders = ["X-" + new string('e', PolicyCompiler.MaxEntryLength)] },
        [PolicyErrorCodes.DescriptionTooLong] = Valid with { Description = new string('d', PolicyCompiler.MaxDescriptionLength + 1) },
    };

    public static TheoryData<string> BrokenRules => [.. s_brokenRules.Keys];

    private static IEnumerable<string> AllCodes => typeof(PolicyErrorCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(constant => (string)constant.GetRawConstantValue()!);

    [Theory]
    [MemberData(nameof(BrokenRules))]
    public void A_broken_rule_is_reported_with_its_own_code_and_nothing_else(string code)
    {
        var error = Assert.Single(Refuse(s_brokenRules[code]));

        Assert.Equal(code, error.Code);
    }

    [Fact]
    public void Every_code_the_compiler_can_give_has_a_case_above() =>
        Assert.Equal(AllCodes.Except(s_hostCodes).Order(), s_brokenRules.Keys.Order());

    [Fact]
    public void Codes_are_unique_lower_case_area_dot_rule_digits_only_inside_a_word() =>
        Assert.All(AllCodes.GroupBy(code => code), group =>
        {
            Assert.Single(group);
            Assert.Matches(CodeShape(), group.Key);
        });

    [GeneratedRegex("^[a-z_]+\\.[a-z][a-z0-9_]*$")]
    private static partial Regex CodeShape();
}
