using Azure.Identity;
using CorsFunctions.App.Diagnostics;

namespace CorsFunctions.Functions.Tests.App.Diagnostics;

public sealed class AzureMonitorCredentialTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Authorization=Key")]
    [InlineData("ClientId=1234")]
    public void Without_Entra_authentication_no_credential_is_used(string? authentication) =>
        Assert.Null(AzureMonitorCredential.FromAuthenticationString(authentication));

    [Theory]
    [InlineData("Authorization=AAD")]
    [InlineData("Authorization=AAD;ClientId=00000000-0000-0000-0000-000000000001")]
    [InlineData(" authorization = aad ; ClientId = 00000000-0000-0000-0000-000000000001 ")]
    public void Entra_authentication_uses_the_managed_identity(string authentication) =>
        Assert.IsType<ManagedIdentityCredential>(AzureMonitorCredential.FromAuthenticationString(authentication));
}
