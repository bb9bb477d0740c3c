using System.Diagnostics;
using CorsFunctions.EndToEnd.Emulator;

namespace CorsFunctions.EndToEnd.Fixtures;

/// <summary>
/// Azurite's table service (the repository's pinned npm install) on a free loopback port, in memory.
/// Missing Azurite fails the suite with the command that installs it: the end-to-end cases cannot run without it.
/// </summary>
internal sealed class AzuriteTables : IDisposable
{
    // The well-known development storage account: public, identical in every Azurite.
    private const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process _process;
    private readonly string _location;

    private AzuriteTables(Process process, string location, int port)
    {
        _process = process;
        _location = location;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => ConnectionStringFor(Port);

    /// <summary>The development account's connection string with the table endpoint on <paramref name="port"/> (Azurite or a proxy in front of it).</summary>
    public static string ConnectionStringFor(int port) =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevelopmentAccountKey};TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";

    public static async Task<AzuriteTables> StartAsync()
    {
        // CORS_E2E_AZURITE_TABLE points at another azurite-table script (e.g. a global install) when set.
        var executable = Environment.GetEnvironmentVariable("CORS_E2E_AZURITE_TABLE") ?? Repository.PathOf("node_modules", ".bin", "azurite-table");
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException(
                $"Azurite is not installed ({executable} is missing). Run `bash scripts/azurite.sh` (npm ci of the pinned package.json) in the repository root.");
        }

        var port = FreePort.Next();
        var location = Directory.CreateTempSubdirectory("cors-e2e-azurite-").FullName;
        // In memory (Azurite refuses --location with it); the working directory catches anything it still writes.
        var startInfo = new ProcessStartInfo(executable) { WorkingDirectory = location };
        foreach (var argument in new[] { "--tableHost", "127.0.0.1", "--tablePort", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--inMemoryPersistence", "--silent", "--disableTelemetry" })
        {
            startInfo.ArgumentList.Add(argument);
        }

        var output = new OutputTail();
        var azurite = new AzuriteTables(ChildProcesses.Start(startInfo, output.Add), location, port);
        try
        {
            // 60 s: on a loaded shared machine (load average 50 and more) Azurite took longer than 30 s to listen.
            return await FreePort.WaitUntilListeningAsync(port, TimeSpan.FromSeconds(60), () => azurite._process.HasExited)
                ? azurite
                : throw new InvalidOperationException($"Azurite did not listen on port {port}:{Environment.NewLine}{output}");
        }
        catch
        {
            azurite.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        ChildProcesses.Stop(_process);
        Directory.Delete(_location, recursive: true);
    }
}
