using CorsFunctions.Core.Origins;

namespace CorsFunctions.Core.Tests.Origins;

/// <summary>A-labels must decode (RFC 3492) to at least one non-ASCII code point, as UTS #46 requires of a host.</summary>
public class PunycodeTests
{
    [Theory]
    [InlineData("xn--bcher-kva")] // bücher
    [InlineData("xn--80ak6aa92e")] // Cyrillic
    [InlineData("xn--55qx5d")] // 公司
    [InlineData("XN--BCHER-KVA")]
    public void A_label_that_decodes_is_valid(string label)
    {
        Assert.True(Punycode.IsValidALabel(label));
        Assert.Equal(label.ToLowerInvariant(), new System.Globalization.IdnMapping().GetAscii(new System.Globalization.IdnMapping().GetUnicode(label)));
    }

    [Theory]
    [InlineData("xn--")] // nothing to decode
    [InlineData("xn--abc-")] // only ASCII: never written as an A-label
    [InlineData("xn--zz")] // ends in the middle of a number
    [InlineData("xn--a_b")] // '_' is no punycode digit
    [InlineData("xn--99999999999")] // overflows
    [InlineData("xn--zzzzzzzzzzzz")] // beyond U+10FFFF
    public void A_label_that_does_not_decode_is_invalid(string label) =>
        Assert.False(Punycode.IsValidALabel(label));
}
