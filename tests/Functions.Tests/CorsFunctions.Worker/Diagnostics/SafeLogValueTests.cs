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
