using CorsFunctions.Core.Origins;
using CorsFunctions.Core.Policies;
using static CorsFunctions.Core.Tests.Support.Definitions;

namespace CorsFunctions.Core.Tests.Origins;

/// <summary>
/// The embedded list, over a sample of its rules of each kind: normal, wildcard (*.ck), exception (!www.ck),
/// private section (azurewebsites.net, github.io). The format itself is tested in <see cref="PublicSuffixRulesTests"/>.
/// </summary>
public class PublicSuffixListTests
{
    [Theory]
    [InlineData("com")]
    [InlineData("unlisted-tld")]
    [InlineData("co.uk")]
    [InlineData("com.au")]
    [InlineData("azurewebsites.net")]
    [InlineData("github.io")]
    [InlineData("blogspot.com")]
    [InlineData("anything.ck")]
    [InlineData("other.ck")]
    public void Names_anyone_can_register_under_are_public_suffixes(string domain) =>
        Assert.True(PublicSuffixList.IsPublicSuffix(domain));

    [Theory]
    [InlineData("example.com")]
    [InlineData("example.co.uk")]
    [InlineData("myapp.azurewebsites.net")]
    [InlineData("me.github.io")]
    [InlineData("www.ck")]
    [InlineData("a.b.ck")]
    public void Registered_names_and_list_exceptions_are_not_public_suffixes(string domain) =>
        Assert.False(PublicSuffixList.IsPublicSuffix(domain));

    [Fact]
    public void The_embedded_list_is_read_from_the_assembly_each_time_it_is_loaded()
    {
        var rules = PublicSuffixList.LoadEmbedded();

        Assert.True(rules.IsPublicSuffix("co.uk"));
        Assert.True(rules.IsPublicSuffix("azurewebsites.net"));
        Assert.False(rules.IsPublicSuffix("www.ck"));
        Assert.False(rules.IsPublicSuffix("example.co.uk"));
    }

    [Theory]
    [InlineData("https://*.co.uk")]
    [InlineData("https://*.com.au")]
    [InlineData("https://*.azurewebsites.net")]
    [InlineData("https://*.github.io")]
    [InlineData("https://*.anything.ck")]
    public void PolicyRule07_a_wildcard_on_a_public_suffix_of_any_kind_is_refused(string origin) =>
        AssertRefused(Valid with { AllowedOrigins = [origin] }, nameof(CorsPolicyDefinition.AllowedOrigins), origin);

    [Theory]
    [InlineData("https://*.example.co.uk")]
    [InlineData("https://*.myapp.azurewebsites.net")]
    [InlineData("https://*.www.ck")]
    public void PolicyRule07_a_wildcard_below_a_public_suffix_compiles(string origin) =>
        Compile(Valid with { AllowedOrigins = [origin] });
}
