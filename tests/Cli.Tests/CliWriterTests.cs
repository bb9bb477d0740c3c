using System.Buffers.Text;
using System.Text;

namespace CorsFunctions.Cli.Tests;

/// <summary>The audit log names the principal storage authenticates, read from its token.</summary>
public sealed class CliWriterTests
{
    private static string Jwt(string payload) =>
        $"eyJhbGciOiJub25lIn0.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload))}.sig";

    [Theory]
    [InlineData("""{ "upn": "alice@contoso.com", "oid": "0000-1", "tid": "t-1" }""", "alice@contoso.com", "0000-1", "t-1")]
    [InlineData("""{ "appid": "app-42", "oid": "0000-2" }""", "app-42", "0000-2", null)]
    [InlineData("""{ "unique_name": "bob@contoso.com" }""", "bob@contoso.com", null, null)]
    public void The_name_object_id_and_tenant_come_from_the_token(string payload, string name, string? objectId, string? tenantId) =>
        Assert.Equal((name, objectId, tenantId), CliWriter.Claims(Jwt(payload)));

    [Theory]
    [InlineData("not-a-jwt")]
    [InlineData("a.!!!.c")]
    [InlineData("a.bm90IGpzb24.c")]
    public void Something_that_is_not_a_token_names_nobody(string token) =>
        Assert.Equal((null, null, null), CliWriter.Claims(token));

    [Fact]
    public void A_connection_string_names_the_os_user_and_says_so()
    {
        var writer = CliWriter.ForConnectionString();

        Assert.Equal(("storage-credential", "cli"), (writer.Kind, writer.Source));
        Assert.EndsWith("(connection string)", writer.Name, StringComparison.Ordinal);
    }
}
