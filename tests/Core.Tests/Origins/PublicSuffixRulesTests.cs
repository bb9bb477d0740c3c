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

    // Parsed by each test, not once in a static field: a mutant of Parse must be able to change what a test sees.
    private static PublicSuffixRules Rules => PublicSuffixRules.Parse(new StringReader(Sample));

    [Theory]
    [InlineData("com")]
    [InlineData("co.uk")]
    [InlineData("azurewebsites.net")]
    public void A_normal_rule_makes_its_name_a_public_suffix(string domain) =>
        Assert.True(Rules.IsPublicSuffix(domain));

    [Theory]
    [InlineData("example.com")]
    [InlineData("example.co.uk")]
    [InlineData("myapp.azurewebsites.net")]
    [InlineData("net.com")]
    public void A_name_registered_under_a_normal_rule_is_not_a_public_suffix(string domain) =>
        Assert.False(Rules.IsPublicSuffix(domain));

    [Theory]
    [InlineData("anything.ck")]
    [InlineData("other.ck")]
    [InlineData("tenant.platform.example")]
    public void A_wildcard_rule_makes_every_label_directly_under_it_a_public_suffix(string domain) =>
        Assert.True(Rules.IsPublicSuffix(domain));

    [Theory]
    [InlineData("a.b.ck")]
    [InlineData("app.tenant.platform.example")]
    public void A_wildcard_rule_covers_one_label_only(string domain) =>
        Assert.False(Rules.IsPublicSuffix(domain));

    [Theory]
    [InlineData("www.ck")]
    [InlineData("shop.platform.example")]
    public void An_exception_rule_wins_over_its_wildcard(string domain) =>
        Assert.False(Rules.IsPublicSuffix(domain));

    [Theory]
    [InlineData("ck")]
    [InlineData("example")]
    [InlineData("unlisted")]
    public void Any_single_label_is_a_public_suffix_listed_or_not(string domain) =>
        Assert.True(Rules.IsPublicSuffix(domain));

    [Theory]
    [InlineData("platform.example")]
    [InlineData("two.labels")]
    public void A_name_no_rule_mentions_is_not_a_public_suffix(string domain) =>
        Assert.False(Rules.IsPublicSuffix(domain));

    [Theory]
    [InlineData("//commented.example")]
    [InlineData("commented.example")]
    [InlineData("// ck : https://www.iana.org/domains/root/db/ck.html")]
    public void Comment_lines_are_not_rules(string line) =>
        Assert.False(Rules.IsPublicSuffix(line));

    [Theory]
    [InlineData("Co.uk")]
    [InlineData("co uk")]
    [InlineData(".co.uk")]
    [InlineData("co.uk.")]
    [InlineData("co..uk")]
    [InlineData("!")]
    [InlineData("*.")]
    [InlineData("*.*.ck")]
    [InlineData("xn--55qx5d.\u516c\u53f8")]
    [InlineData(" co.uk")]
    public void A_line_that_is_neither_a_comment_nor_a_rule_fails_the_whole_list_with_its_number(string line)
    {
        var list = $"com\n// comment\n\n{line}\nnet\n";

        var error = Assert.Throws<FormatException>(() => PublicSuffixRules.Parse(new StringReader(list)));

        Assert.StartsWith("Line 4 of the public suffix list is not a rule", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_list_is_required() =>
        Assert.Throws<ArgumentNullException>(() => PublicSuffixRules.Parse(null!));
}
