using CorsFunctions.Worker.Diagnostics;

namespace CorsFunctions.Functions.Tests.Diagnostics;

public sealed class SafeLogValueTests
{
    [Theory]
    [InlineData("https://trusted.example.com", "https://trusted.example.com")]
    [InlineData("a\r\nb\tc", "a??b?c")]
    [InlineData("https://bücher.example", "https://b?cher.example")]
    [InlineData(null, SafeLogValue.Absent)]
    public void Values_are_reduced_to_printable_ASCII(string? raw, string expected)
    {
        Assert.Equal(expected, SafeLogValue.Bound(raw));
    }

    [Theory]
    [InlineData("a\u2028b", "a?b")] // Zl: a line separator, a new line in many log viewers
    [InlineData("a\u2029b", "a?b")] // Zp: a paragraph separator
    [InlineData("items\u202Egnp.exe", "items?gnp.exe")] // Cf: right-to-left override, the line reads reversed
    [InlineData("a\u2066b\u2069", "a?b?")] // Cf: bidi isolates
    [InlineData("a\u200Bb\uFEFF", "a?b?")] // Cf: zero-width space, byte order mark
    public void Line_and_paragraph_separators_and_format_characters_never_reach_a_log(string raw, string expected)
    {
        Assert.Equal(expected, SafeLogValue.Bound(raw));
        Assert.Equal(expected, SafeLogValue.BoundOrNull(raw));
    }

    [Theory]
    [InlineData('\u001B')] // Cc
    [InlineData('\n')] // Cc
    [InlineData('\u2028')] // Zl
    [InlineData('\u2029')] // Zp
    [InlineData('\u202E')] // Cf
    [InlineData('\u200E')] // Cf
    [InlineData('\uFEFF')] // Cf
    public void Control_separator_and_format_characters_are_unsafe(char c)
    {
        Assert.True(SafeLogValue.IsUnsafe(c));
    }

    [Theory]
    [InlineData('a')]
    [InlineData(' ')]
    [InlineData('\u00FC')] // a letter outside ASCII: kept where Unicode text is kept
    [InlineData('\u00A0')] // a no-break space (Zs) breaks no line
    public void Letters_and_spaces_are_safe(char c)
    {
        Assert.False(SafeLogValue.IsUnsafe(c));
    }

    [Fact]
    public void A_printable_value_within_the_bound_is_logged_as_it_is_without_a_copy()
    {
        var id = new string(['i', 't', 'e', 'm', 's']);

        Assert.Same(id, SafeLogValue.Bound(id));
    }

    [Fact]
    public void A_missing_optional_value_stays_missing()
    {
        Assert.Null(SafeLogValue.BoundOrNull(null));
    }

    [Fact]
    public void Long_values_are_cut_at_the_bound_and_marked()
    {
        var bounded = SafeLogValue.Bound(new string('x', 10_000));

        Assert.Equal(new string('x', SafeLogValue.MaxLength) + "...", bounded);
    }

    [Fact]
    public void A_value_exactly_at_the_bound_is_kept_whole()
    {
        var value = new string('x', SafeLogValue.MaxLength);

        Assert.Equal(value, SafeLogValue.Bound(value));
    }
}
