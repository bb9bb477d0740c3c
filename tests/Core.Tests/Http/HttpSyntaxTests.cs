using CorsFunctions.Core.Http;

namespace CorsFunctions.Core.Tests.Http;

/// <summary>The token and white-space grammar of RFC 9110, character by character.</summary>
public class HttpSyntaxTests
{
    private const string TokenSymbols = "!#$%&'*+-.^_`|~";

    [Fact]
    public void Every_tchar_is_a_token_on_its_own()
    {
        var tchars = TokenSymbols + "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

        Assert.All(tchars, c => Assert.True(HttpSyntax.IsToken([c]), $"'{c}'"));
        Assert.True(HttpSyntax.IsToken(tchars));
    }

    [Fact]
    public void Every_other_ascii_character_is_not_a_token_and_spoils_one()
    {
        var others = Enumerable.Range(0, 128).Select(i => (char)i).Where(c => !char.IsAsciiLetterOrDigit(c) && !TokenSymbols.Contains(c)).ToList();

        Assert.Equal(128 - 62 - TokenSymbols.Length, others.Count);
        Assert.All(others, c => Assert.False(HttpSyntax.IsToken($"X-A{c}B"), $"U+{(int)c:X4}"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("é")]
    [InlineData("X-\u0130")]
    public void An_empty_or_non_ascii_value_is_not_a_token(string value) =>
        Assert.False(HttpSyntax.IsToken(value));

    [Theory]
    [InlineData(" \tX-A\t ", "X-A")]
    [InlineData("\t\tX-A", "X-A")]
    [InlineData("X-A  ", "X-A")]
    [InlineData("X A", "X A")]
    [InlineData(" \t ", "")]
    [InlineData("\rX-A\n", "\rX-A\n")]
    [InlineData("\u00a0X-A\v", "\u00a0X-A\v")]
    public void Only_space_and_tab_are_trimmed_from_both_ends(string value, string trimmed) =>
        Assert.Equal(trimmed, HttpSyntax.TrimOws(value).ToString());
}
