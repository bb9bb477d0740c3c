using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Azure.Data.Tables;

namespace CorsFunctions.Functions.Tests.Integration;

/// <summary>
/// A real Azurite table service for the integration tests, on a free loopback port, in memory, killed after the
/// suite (and at process exit, even when a test fails). A missing Azurite fails the tests with how to install it.
/// A test that breaks the emulator (<see cref="Freeze"/>, <see cref="Stop"/>) starts an instance of its own.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private Process? _process;

    /// <summary>The repository root (found from this source file's path, so it works from any output folder).</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>The connection string of the running emulator.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>A client for a new, empty table of its own.</summary>
    public async Task<TableClient> CreateTableAsync()
    {
        var table = new TableServiceClient(ConnectionString).GetTableClient("T" + Guid.NewGuid().ToString("N")[..20]);
        await table.CreateAsync();
        return table;
    }

    /// <summary>Another client of <paramref name="table"/>, with its own <paramref name="options"/> (a hook in its pipeline, say).</summary>
    public TableClient Client(TableClient table, TableClientOptions options) => new TableServiceClient(ConnectionString, options).GetTableClient(table.Name);

    public async Task InitializeAsync()
    {
        var azurite = Path.Combine(RepositoryRoot, "node_modules", ".bin", "azurite-table");
        if (!File.Exists(azurite))
        {
            throw new InvalidOperationException(
                $"Azurite is not installed ({azurite} is missing): run `bash scripts/azurite.sh` at the repository root (npm ci of the pinned azurite@3.37.0). " +
                "The integration tests need the real Table Storage emulator and never skip.");
        }

        var port = FreePort();
        var start = new ProcessStartInfo(azurite)
        {
            ArgumentList = { "--tableHost", "127.0.0.1", "--tablePort", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--inMemoryPersistence", "--silent", "--disableTelemetry" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Kill();
        var errors = _process.StandardError.ReadToEndAsync();
        _ = _process.StandardOutput.ReadToEndAsync();

        var deadline = Stopwatch.StartNew();
        while (!await AcceptsAsync(port))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with code {_process.ExitCode}: {await errors}");
            }

            if (deadline.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException($"Azurite did not listen on 127.0.0.1:{port} within 30 s.");
            }

            await Task.Delay(100);
        }

        ConnectionString = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";
    }

    public Task DisposeAsync()
    {
        Kill();
        return Task.CompletedTask;
    }

    /// <summary>Runs <paramref name="test"/> with an emulator of its own, for a test that breaks it; killed afterwards.</summary>
    public static async Task WithOwnAsync(Func<AzuriteFixture, Task> test)
    {
        ArgumentNullException.ThrowIfNull(test);
        var emulator = new AzuriteFixture();
        try
        {
            await emulator.InitializeAsync();
            await test(emulator);
        }
        finally
        {
            await emulator.DisposeAsync();
        }
    }

    /// <summary>Stops the emulator where it is (SIGSTOP): connections are still accepted but nothing answers, as a hung service.</summary>
    public void Freeze() => Signal("STOP");

    /// <summary>Lets a frozen emulator go on (SIGCONT): it answers again, with everything it held before.</summary>
    public void Thaw() => Signal("CONT");

    /// <summary>Kills the emulator: every later call is refused, as a crashed service (its in-memory tables are gone).</summary>
    public void Stop() => Kill();

    private void Signal(string signal)
    {
        var process = _process ?? throw new InvalidOperationException("Azurite is not running.");
        using var kill = Process.Start("kill", [$"-{signal}", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])
            ?? throw new InvalidOperationException("kill did not start.");
        kill.WaitForExit();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -{signal} {process.Id} exited with {kill.ExitCode}.");
        }
    }

    private void Kill()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<bool> AcceptsAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    // From the test assembly's folder, not [CallerFilePath]: CI builds map source paths to "/_/".
    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CorsFunctions.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException($"No CorsFunctions.sln above {AppContext.BaseDirectory}.");
    }
}
