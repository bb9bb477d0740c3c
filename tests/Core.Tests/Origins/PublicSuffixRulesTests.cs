using CorsFunctions.Core.Origins;

namespace CorsFunctions.Core.Tests.Origins;

/// <summary>The list format read on its own, over a small sample of each kind of rule (publicsuffix.org).</summary>
public class PublicSuffixRulesTests
{
    // A miniature list: ICANN rules, a wildcard with an exception, comments, blank lines, private-section entries.
    private const string Sample = """
        // ===BEGIN ICANN DOMAINS===
        com

        uk
        co.uk
        // ck : https://www.iana.org/domains/root/db/ck.html
        *.ck
        !www.ck
        // ===END ICANN DOMAINS===
        // ===BEGIN PRIVATE DOMAINS===
        //commented.example
        azurewebsites.net
        *.platform.example
        !shop.platform.example
        // ===END PRIVATE DOMAINS===
        """;

    private static readonly PublicSuffixRules s_rules = PublicSuffixRules.Parse(new StringReader(Sample));

    [Theory]
    [InlineData("com")]
    [InlineData("co.uk")]
    [InlineData("azurewebsites.net")]
    public void A_normal_rule_makes_its_name_a_public_suffix(string domain) =>
        Assert.True(s_rules.IsPublicSuffix(domain));

    [Theory]
    [InlineData("example.com")]
    [InlineData("example.co.uk")]
    [InlineData("myapp.azurewebsites.net")]
    [InlineData("net.com")]
    public void A_name_registered_under_a_normal_rule_is_not_a_public_suffix(string domain) =>
        Assert.False(s_rules.IsPublicSuffix(domain));

    [Theory]
    [InlineData("anything.ck")]
    [InlineData("other.ck")]
    [InlineData("tenant.platform.example")]
    public void A_wildcard_rule_makes_every_label_directly_under_it_a_public_suffix(string domain) =>
        Assert.True(s_rules.IsPublicSuffix(domain));

    [Theory]
    [InlineData("a.b.ck")]
    [InlineData("app.tenant.platform.example")]
    public void A_wildcard_rule_covers_one_label_only(string domain) =>
        Assert.False(s_rules.IsPublicSuffix(domain));

    [Theory]
    [InlineData("www.ck")]
    [InlineData("shop.platform.example")]
    public void An_exception_rule_wins_over_its_wildcard(string domain) =>
        Assert.False(s_rules.IsPublicSuffix(domain));

    [Theory]
    [InlineData("ck")]
    [InlineData("example")]
    [InlineData("unlisted")]
    public void Any_single_label_is_a_public_suffix_listed_or_not(string domain) =>
        Assert.True(s_rules.IsPublicSuffix(domain));

    [Theory]
    [InlineData("platform.example")]
    [InlineData("two.labels")]
    public void A_name_no_rule_mentions_is_not_a_public_suffix(string domain) =>
        Assert.False(s_rules.IsPublicSuffix(domain));

    [Theory]
    [InlineData("//commented.example")]
    [InlineData("commented.example")]
    [InlineData("// ck : https://www.iana.org/domains/root/db/ck.html")]
    public void Comment_lines_are_not_rules(string line) =>
        Assert.False(s_rules.IsPublicSuffix(line));
}
