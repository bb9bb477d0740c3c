using CorsFunctions.Cli.Tests.Support;
using CorsFunctions.Functions.Tests.Integration;
using CorsFunctions.Functions.Tests.TestSupport;

namespace CorsFunctions.Cli.Tests;

/// <summary>
/// Where the connection string comes from, so that it need not be on the command line (shell history, <c>ps</c>, CI
/// logs): standard input with <c>--connection-string -</c>, or CORSFUNCTIONS_CONNECTION_STRING when the command line
/// names no table; the command line wins.
/// </summary>
[Collection(AzuriteTests.Name)]
[Trait(AzuriteTests.Category, AzuriteTests.Name)]
public sealed class TableOptionsTests(AzuriteFixture azurite)
{
    private static CliEnvironment Variable(string value) =>
        new(TextReader.Null, name => name == TableOptions.ConnectionStringVariable ? value : null);

    private static CliEnvironment Input(string text) => new(new StringReader(text), _ => null);

    private async Task<string> PushedTableAsync()
    {
        var table = CliTable.New(azurite);
        var pushed = await Tool.RunAsync(["push", "--file", PolicyFiles.Samples, .. table.Options]);
        Assert.True(pushed.ExitCode == ExitCodes.Success, pushed.ToString());
        return table.Client.Name;
    }

    [Fact]
    public async Task The_connection_string_can_come_from_CORSFUNCTIONS_CONNECTION_STRING()
    {
        var table = await PushedTableAsync();

        var result = await Tool.RunAsync(Variable(azurite.ConnectionString), "validate", "--table", table);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Equal($"table {table}, policy set default: 2 policies, all valid.", result.Output.Trim());
    }

    [Fact]
    public async Task A_dash_reads_the_connection_string_from_the_first_line_of_standard_input()
    {
        var table = await PushedTableAsync();

        var result = await Tool.RunAsync(Input($"{azurite.ConnectionString}\nsecond line\n"), "validate", "--connection-string", "-", "--table", table);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Contains("2 policies, all valid.", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_standard_input_is_exit_2_saying_so()
    {
        var result = await Tool.RunAsync(Input(""), "validate", "--connection-string", "-");

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Equal("corsfunctions validate: --connection-string -: standard input holds no connection string; give it on the first line.", result.Error.Trim());
    }

    [Fact]
    public async Task The_connection_string_option_wins_over_the_variable()
    {
        var table = await PushedTableAsync();

        var result = await Tool.RunAsync(Variable(ClosedPort.ConnectionString), "validate", "--connection-string", azurite.ConnectionString, "--table", table);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
    }

    [Fact]
    public async Task A_table_service_uri_wins_over_the_variable()
    {
        var result = await Tool.RunAsync(Variable(azurite.ConnectionString), "validate", "--table-service-uri", "https://127.0.0.1:1/devstoreaccount1");

        Assert.Equal(ExitCodes.StoreFailed, result.ExitCode);
        Assert.Contains("no Azure credential", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_is_read_even_while_the_variable_is_set()
    {
        var result = await Tool.RunAsync(Variable(azurite.ConnectionString), "validate", "--file", PolicyFiles.Samples);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Equal("policies.json: 2 policies, all valid.", result.Output.Trim());
    }

    [Fact]
    public async Task A_malformed_variable_is_exit_2_naming_the_variable()
    {
        var result = await Tool.RunAsync(Variable("AccountKey=c2VjcmV0"), "pull");

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.StartsWith($"corsfunctions pull: {TableOptions.ConnectionStringVariable} is not a storage connection string", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_any_the_usage_error_names_every_way()
    {
        var result = await Tool.RunAsync(CliEnvironment.None, "validate");

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("'-' reads it from standard input", result.Error, StringComparison.Ordinal);
        Assert.Contains(TableOptions.ConnectionStringVariable, result.Error, StringComparison.Ordinal);
    }
}
