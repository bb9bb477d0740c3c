using CorsFunctions.Core.Origins;

namespace CorsFunctions.Core.Tests.Origins;

public class PublicSuffixListTests
{
    [Theory]
    [InlineData("com")]
    [InlineData("unlisted-tld")]
    [InlineData("co.uk")]
    [InlineData("azurewebsites.net")]
    [InlineData("github.io")]
    [InlineData("anything.ck")]
    public void Names_anyone_can_register_under_are_public_suffixes(string domain) =>
        Assert.True(PublicSuffixList.IsPublicSuffix(domain));

    [Theory]
    [InlineData("example.com")]
    [InlineData("example.co.uk")]
    [InlineData("myapp.azurewebsites.net")]
    [InlineData("www.ck")]
    public void Registered_names_and_list_exceptions_are_not_public_suffixes(string domain) =>
        Assert.False(PublicSuffixList.IsPublicSuffix(domain));
}
