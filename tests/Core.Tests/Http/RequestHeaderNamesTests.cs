using System.Runtime.InteropServices;
using CorsFunctions.Core.Http;

namespace CorsFunctions.Core.Tests.Http;

public class RequestHeaderNamesTests
{
    [Theory]
    [InlineData("x-a,x-b", new[] { "x-a", "x-b" })]
    [InlineData("x-a , x-b", new[] { "x-a", "x-b" })]
    [InlineData(" \tx-a\t,\t x-b \t", new[] { "x-a", "x-b" })]
    [InlineData(",,x-a,, ,\t,x-b,", new[] { "x-a", "x-b" })]
    [InlineData("X-Auth-Token, content-TYPE", new[] { "X-Auth-Token", "content-TYPE" })]
    [InlineData("", new string[0])]
    [InlineData(" , ,", new string[0])]
    public void Rule05_white_space_around_commas_empty_elements_and_mixed_case_are_tolerated(string value, string[] expected)
    {
        var (names, error) = Read(value);

        Assert.Equal(RequestHeaderNamesError.None, error);
        Assert.Equal(expected, names);
    }

    [Fact]
    public void Rule05_repeated_header_lines_are_read_as_one_list()
    {
        var (names, error) = Read("x-a, x-b", null, "", "x-c");

        Assert.Equal(RequestHeaderNamesError.None, error);
        Assert.Equal(["x-a", "x-b", "x-c"], names);
    }

    [Theory]
    [InlineData("x-a, x b")]
    [InlineData("x-a\r\nx-b")]
    [InlineData("x-a\n")]
    [InlineData("x-a\0")]
    [InlineData("x-\u00e9")]
    [InlineData("x-a;q=1")]
    [InlineData("x-a:1")]
    [InlineData("\"x-a\"")]
    public void Rule05_a_name_that_is_not_a_token_stops_reading(string value)
    {
        var (_, error) = Read(value);

        Assert.Equal(RequestHeaderNamesError.InvalidName, error);
    }

    [Fact]
    public void Rule05_sixty_four_names_are_accepted_and_the_sixty_fifth_is_refused()
    {
        Assert.Equal(RequestHeaderNamesError.None, Read(NumberedNames(RequestHeaderNames.MaxNames)).Error);
        var (names, error) = Read(NumberedNames(RequestHeaderNames.MaxNames + 1));

        Assert.Equal(RequestHeaderNamesError.TooManyNames, error);
        Assert.Equal(RequestHeaderNames.MaxNames, names.Count);
    }

    [Fact]
    public void Rule05_the_length_limit_counts_every_line()
    {
        var half = new string('a', RequestHeaderNames.MaxLength / 2);

        Assert.Equal(RequestHeaderNamesError.None, Read(half, half).Error);
        Assert.Equal(RequestHeaderNamesError.TooLong, Read(half, half, "b").Error);
    }

    [Fact]
    public void Rule05_a_huge_value_is_refused_before_any_name_is_read()
    {
        // Starts with a valid name: had the length check not run first, that name would be returned.
        var hostile = "x-first," + new string(',', 1024 * 1024);
        var reader = new RequestHeaderNames([hostile]);

        Assert.False(reader.MoveNext());
        Assert.Equal(RequestHeaderNamesError.TooLong, reader.Error);
        Assert.True(reader.Current.IsEmpty);
    }

    [Fact]
    public void Rule05_after_an_invalid_name_Current_is_still_the_last_name_read()
    {
        var reader = new RequestHeaderNames(["x-a, x b, x-c"]);

        Assert.True(reader.MoveNext());
        Assert.False(reader.MoveNext());
        Assert.Equal(RequestHeaderNamesError.InvalidName, reader.Error);
        Assert.Equal("x-a", reader.Current.ToString());
        Assert.False(reader.MoveNext());
    }

    [Fact]
    public void Rule05_sixty_four_names_over_several_lines_are_accepted_and_the_sixty_fifth_is_refused()
    {
        var first = NumberedNames(RequestHeaderNames.MaxNames / 2);

        Assert.Equal(RequestHeaderNames.MaxNames, Read(first, first).Names.Count);
        Assert.Equal(RequestHeaderNamesError.TooManyNames, Read(first, first, "x-one-more").Error);
    }

    [Fact]
    public void Rule05_a_name_as_memory_is_a_slice_of_the_line_it_was_read_from()
    {
        string?[] lines = ["x-a", null, " x-b ,	x-c"];
        var reader = new RequestHeaderNames(lines);
        var slices = new List<(string? Text, int Start, int Length)>();
        while (reader.MoveNext())
        {
            Assert.True(MemoryMarshal.TryGetString(reader.CurrentAsMemory(), out var text, out var start, out var length));
            slices.Add((text, start, length));
        }

        Assert.Equal([(lines[0], 0, 3), (lines[2], 1, 3), (lines[2], 7, 3)], slices);
        Assert.Same(lines[2], slices[2].Text);
    }

    internal static string NumberedNames(int count) =>
        string.Join(',', Enumerable.Range(1, count).Select(i => $"x-h{i}"));

    private static (List<string> Names, RequestHeaderNamesError Error) Read(params string?[] lines)
    {
        var names = new List<string>();
        var reader = new RequestHeaderNames(lines);
        while (reader.MoveNext())
        {
            names.Add(reader.Current.ToString());
        }

        return (names, reader.Error);
    }
}
