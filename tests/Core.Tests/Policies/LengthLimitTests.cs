using CorsFunctions.Core.Policies;
using static CorsFunctions.Core.Tests.Support.Definitions;

namespace CorsFunctions.Core.Tests.Policies;

/// <summary>Names and descriptions are bounded so a valid policy always fits its row and its audit entry; the bound itself is allowed.</summary>
public class LengthLimitTests
{
    private static readonly string s_longestMethod = new('M', PolicyCompiler.MaxEntryLength);
    private static readonly string s_longestHeader = "X-" + new string('h', PolicyCompiler.MaxEntryLength - 2);

    [Fact]
    public void Names_and_a_description_at_their_bounds_are_accepted() =>
        Compile(Valid with
        {
            AllowedMethods = [s_longestMethod],
            AllowedHeaders = [s_longestHeader],
            ExposedHeaders = [s_longestHeader],
            Description = new string('d', PolicyCompiler.MaxDescriptionLength),
        });

    [Fact]
    public void One_character_more_is_refused_in_each_with_its_length_and_a_bounded_value()
    {
        var errors = Refuse(Valid with
        {
            AllowedMethods = [s_longestMethod + "M"],
            AllowedHeaders = [s_longestHeader + "h"],
            ExposedHeaders = [s_longestHeader + "h"],
            Description = new string('d', PolicyCompiler.MaxDescriptionLength + 1),
        });

        Assert.Equal(
            [PolicyErrorCodes.MethodTooLong, PolicyErrorCodes.HeaderTooLong, PolicyErrorCodes.ExposedHeaderTooLong, PolicyErrorCodes.DescriptionTooLong],
            errors.Select(e => e.Code));
        Assert.All(errors.Take(3), e => Assert.Equal(35, e.Value!.Length));
        Assert.Contains("is 513 characters long; an entry holds at most 512.", errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("is 1025 characters long; a description holds at most 1024.", errors[3].Message, StringComparison.Ordinal);
    }
}
