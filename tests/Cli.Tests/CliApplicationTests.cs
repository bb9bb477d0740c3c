using CorsFunctions.Cli.Tests.Support;

namespace CorsFunctions.Cli.Tests;

/// <summary>Usage errors: every one is exit 2 with a message that says what to give, never a stack trace.</summary>
public sealed class CliApplicationTests
{
    [Theory]
    [InlineData("frob")]
    [InlineData("validate", "--frob")]
    [InlineData("push")]
    [InlineData("diff", "--file")]
    public async Task A_command_line_that_does_not_parse_is_exit_2(params string[] args)
    {
        var result = await Tool.RunAsync(args);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.StartsWith("corsfunctions: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("--help", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("validate", "--connection-string", "UseDevelopmentStorage=true", "--table-service-uri", "https://a.table.core.windows.net")]
    public async Task A_table_must_be_named_one_way_exactly(params string[] args)
    {
        var result = await Tool.RunAsync(args);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("exactly one of --connection-string", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not a connection string")]
    [InlineData("AccountKey=c2VjcmV0")]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=a;AccountKey=not base64!")]
    [InlineData("TableEndpoint=not a uri;SharedAccessSignature=sv=2020-08-04&sig=abc")]
    public async Task A_connection_string_that_is_not_one_is_exit_2_in_one_line(string connectionString)
    {
        var result = await Tool.RunAsync("pull", "--connection-string", connectionString);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("corsfunctions pull: --connection-string is not a storage connection string", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_relative_or_plain_http_table_service_uri_is_exit_2()
    {
        var result = await Tool.RunAsync("pull", "--table-service-uri", "account.table.core.windows.net");
        var plainHttp = await Tool.RunAsync("pull", "--table-service-uri", "http://account.table.core.windows.net");

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("--table-service-uri must be an absolute https URI", result.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.BadInput, plainHttp.ExitCode); // a token is never sent in clear
    }

    [Fact]
    public async Task A_table_service_uri_is_reached_with_DefaultAzureCredential_and_no_credential_is_exit_3_saying_so()
    {
        var result = await Tool.RunAsync("validate", "--table-service-uri", "https://127.0.0.1:1/devstoreaccount1");

        Assert.Equal(ExitCodes.StoreFailed, result.ExitCode);
        Assert.Contains("no Azure credential: DefaultAzureCredential failed", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("push", "--help")]
    public async Task The_usage_names_the_installed_command_not_the_assembly(params string[] args)
    {
        var result = await Tool.RunAsync(args);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains($"  corsfunctions{(args.Length > 1 ? " " + args[0] : "")} [", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("CorsFunctions.Cli", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_every_command_and_is_exit_0()
    {
        var result = await Tool.RunAsync("--help");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        foreach (var command in new[] { "validate", "diff", "push", "pull", "check", "history", "rollback", "export" })
        {
            Assert.Contains(command, result.Output, StringComparison.Ordinal);
        }
    }
}
