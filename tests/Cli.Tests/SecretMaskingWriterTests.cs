using CorsFunctions.Cli.Tests.Support;
using CorsFunctions.Functions.Tests.TestSupport;

namespace CorsFunctions.Cli.Tests;

/// <summary>No account key and no SAS signature ever reaches standard output or error, whatever writes it, --verbose included.</summary>
public sealed class SecretMaskingWriterTests
{
    private const string Sas = "sv=2022-11-02&ss=t&srt=sco&sp=rwdlacu&se=2099-01-01T00:00:00Z&sig=S3CRETSIGNATURE%3D";

    private static string Masked(params string[] writes)
    {
        var inner = new StringWriter();
        using var writer = new SecretMaskingWriter(inner);
        foreach (var text in writes)
        {
            writer.Write(text);
        }

        writer.Flush();
        return inner.ToString();
    }

    [Theory]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=a;AccountKey=abc+/DEF==;EndpointSuffix=core.windows.net",
        "DefaultEndpointsProtocol=https;AccountName=a;AccountKey=***;EndpointSuffix=core.windows.net")]
    [InlineData("TableEndpoint=https://a.table.core.windows.net;SharedAccessSignature=" + Sas, "TableEndpoint=https://a.table.core.windows.net;SharedAccessSignature=***")]
    [InlineData("https://a.table.core.windows.net/T?" + Sas, "https://a.table.core.windows.net/T?sv=2022-11-02&ss=t&srt=sco&sp=rwdlacu&se=2099-01-01T00:00:00Z&sig=***")]
    [InlineData("'accountkey=abc' and \"SIG=def\"", "'accountkey=***' and \"SIG=***\"")]
    [InlineData("nothing secret: config=1, AccountName=a", "nothing secret: config=1, AccountName=a")]
    public void Every_key_and_signature_is_masked_and_nothing_else(string text, string expected)
    {
        Assert.Equal(expected, Masked(text));
    }

    [Fact]
    public void A_secret_written_in_pieces_is_masked_when_its_line_ends()
    {
        Assert.Equal("AccountKey=***;x\nAccountKey=***", Masked("Accou", "ntKey=ab", "c;x\nAccountKey=", "def"));
    }

    [Fact]
    public async Task An_argument_mistyped_as_a_command_is_echoed_masked()
    {
        var result = await Tool.RunAsync("validate", ClosedPort.ConnectionString);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("AccountKey=***", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(ClosedPort.AccountKey, result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AccountName=a;AccountKey S3CRETKEY")]
    [InlineData("AccountName=a;AccountKey=S3CRETKEY")]
    [InlineData("TableEndpoint=not a uri;SharedAccessSignature=" + Sas)]
    public async Task A_malformed_connection_string_never_reaches_the_output_even_with_verbose(string connectionString)
    {
        var result = await Tool.RunAsync("pull", "--connection-string", connectionString, "--verbose");

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.DoesNotContain("S3CRET", result.Output + result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ClosedPort.ConnectionString, ClosedPort.AccountKey)]
    [InlineData("TableEndpoint=http://127.0.0.1:1/devstoreaccount1;SharedAccessSignature=" + Sas, "S3CRET")]
    public async Task A_failing_connection_string_never_reaches_the_output_even_with_verbose(string connectionString, string secret)
    {
        var result = await Tool.RunAsync("push", "--file", PolicyFiles.Samples, "--connection-string", connectionString, "--verbose");

        Assert.Equal(ExitCodes.StoreFailed, result.ExitCode);
        Assert.Contains("   at ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, result.Output + result.Error, StringComparison.Ordinal);
    }
}
