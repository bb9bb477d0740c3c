using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using CorsFunctions.Scripts.Tests.Support;
using CorsFunctions.Worker;
using CorsFunctions.Worker.Policies;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CorsFunctions.Scripts.Tests;

/// <summary>
/// scripts/run-local.sh with a stand-in func first on PATH (FUNC=func, so the pinned Core Tools is not set up): Azurite on ports of the test's choosing (never the
/// defaults, so a settings value that still says 10002 fails), the samples seeded, and the settings the app
/// would read under func start pointing at that seeded table.
/// </summary>
public sealed class RunLocalScriptTests : IDisposable
{
    private static readonly TimeSpan FuncStartTimeout = TimeSpan.FromMinutes(4); // includes the CLI's first build (push seeds the samples)
    private static readonly string LocalSettings = Repository.PathOf("src", "Functions", "App", "local.settings.json");

    private readonly StandInFunc _func = new();
    private readonly string _azuriteData = Path.Combine(Path.GetTempPath(), "corsfunctions-azurite-" + Guid.NewGuid().ToString("N"));
    private readonly bool _hadLocalSettings = File.Exists(LocalSettings);

    [Fact]
    public async Task Local_run_seeds_the_samples_into_the_table_the_app_reads_on_the_chosen_ports()
    {
        var ports = Ports.Choose();
        using var script = ScriptProcess.Start("run-local.sh", Environment(ports));

        var start = await _func.WaitForStartAsync(script, FuncStartTimeout);

        Assert.True(start is not null, $"func start was never reached.\n{script.Output}");
        Assert.Equal(["start"], start.Arguments);
        Assert.Equal(Repository.PathOf("src", "Functions", "App"), start.WorkingDirectory);
        Assert.True(File.Exists(LocalSettings), "run-local.sh creates local.settings.json when it is missing");

        // The app's own settings binding, from what func start was handed, reads the seeded samples.
        using var app = AppServices(start.AppConfiguration());
        var table = app.GetRequiredService<TableClient>();
        Assert.Equal(ports.Table, table.Uri.Port);
        var stored = await app.GetRequiredService<IPolicyStore>().ListAsync(CancellationToken.None);
        Assert.Equal(SampleIds(), stored.Select(policy => policy.Definition.Id).Order(StringComparer.Ordinal));
        Assert.All(stored, policy => Assert.Empty(policy.Compile().Errors));

        // The host's storage (keys, leases) needs blob and queue beside the table: all three run on the chosen ports.
        var hostStorage = ConnectionStringParts(start.AppConfiguration()["AzureWebJobsStorage"]);
        Assert.Equal($"http://127.0.0.1:{ports.Blob}/devstoreaccount1", hostStorage.GetValueOrDefault("BlobEndpoint"));
        Assert.Equal($"http://127.0.0.1:{ports.Queue}/devstoreaccount1", hostStorage.GetValueOrDefault("QueueEndpoint"));
        Assert.Equal($"http://127.0.0.1:{ports.Table}/devstoreaccount1", hostStorage.GetValueOrDefault("TableEndpoint"));
        Assert.All(ports.All, port => Assert.True(LoopbackPorts.Accepts(port), $"nothing listens on {port} while func runs"));

        _func.Release();
        Assert.Equal(0, await script.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.All(ports.All, port => Assert.False(LoopbackPorts.Accepts(port), $"Azurite still listens on {port} after the script ended"));
    }

    [Theory]
    [InlineData("blob")]
    [InlineData("queue")]
    [InlineData("table")]
    public async Task A_port_in_use_is_reported_with_how_to_choose_another_before_anything_starts_or_is_seeded(string service)
    {
        var ports = Ports.Choose();
        var taken = ports.Of(service);
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, taken);
        listener.Start();
        try
        {
            var (exitCode, run) = await ScriptProcess.RunAsync("run-local.sh", Environment(ports), TimeSpan.FromMinutes(2));
            using (run)
            {
                Assert.True(exitCode == 1, run.Output);
                Assert.Contains($"port {taken} ({service}, AZURITE_{service.ToUpperInvariant()}_PORT) is already in use", run.Stderr, StringComparison.Ordinal);
                Assert.Contains("Nothing was started or seeded", run.Stderr, StringComparison.Ordinal);
                Assert.Contains("AZURITE_BLOB_PORT=20000 AZURITE_QUEUE_PORT=20001 AZURITE_TABLE_PORT=20002 bash scripts/run-local.sh", run.Stderr, StringComparison.Ordinal);
            }

            Assert.False(_func.Started, "func start ran although a port was taken");
            Assert.False(Directory.Exists(_azuriteData), "Azurite's data folder was created although a port was taken");
            Assert.All(ports.All.Where(port => port != taken), port => Assert.False(LoopbackPorts.Accepts(port), $"something was started on {port}"));
        }
        finally
        {
            listener.Stop();
        }
    }

    [Fact]
    public async Task A_blocked_first_download_of_Core_Tools_is_announced_then_names_the_host_to_allow()
    {
        var package = CoreToolsPackage("""console.error("Error: getaddrinfo ENOTFOUND cdn.functions.azure.com"); process.exit(1);""");

        var (exitCode, run) = await ScriptProcess.RunAsync("run-local.sh", FirstUse(package), TimeSpan.FromMinutes(2));
        using var _ = run;

        Assert.True(exitCode == 1, run.Output);
        Assert.Contains("run-local: first use of Azure Functions Core Tools 4.15.1 (pinned in package.json): downloading its func binary, " +
            "Azure.Functions.Cli.<os>-<arch>.4.15.1.zip, from https://cdn.functions.azure.com/public/4.0.305552/", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("run-local: the download of Azure Functions Core Tools from cdn.functions.azure.com failed", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Allow HTTPS to cdn.functions.azure.com", run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_azuriteData), "Azurite was started although Core Tools could not be set up");
    }

    [Fact]
    public async Task A_first_download_of_Core_Tools_reports_its_time_and_size_and_its_func_is_the_one_started()
    {
        // The stand-in installer writes a func and 2 MB beside it into bin/, where the real one unpacks the downloaded zip.
        var package = CoreToolsPackage($$"""
            const fs = require("fs"), path = require("path");
            const bin = path.join(__dirname, "..", "bin");
            fs.mkdirSync(bin, { recursive: true });
            fs.writeFileSync(path.join(bin, "padding"), Buffer.alloc(2 * 1024 * 1024));
            fs.writeFileSync(path.join(bin, "func"), "#!/usr/bin/env bash\necho \"func $*\" >> {{_funcCalls}}\n", { mode: 0o755 });
            """);

        var (exitCode, run) = await ScriptProcess.RunAsync("run-local.sh", FirstUse(package), FuncStartTimeout);
        using var _ = run;

        Assert.True(exitCode == 0, run.Output);
        Assert.Matches($@"run-local: Core Tools 4\.15\.1 set up in \d+ s \([23] MB in {Regex.Escape(package)}/bin\)", run.Stdout);
        Assert.Equal(["func --version", "func start"], File.ReadAllLines(_funcCalls));
    }

    private readonly string _funcCalls = Path.Combine(Path.GetTempPath(), "corsfunctions-func-calls-" + Guid.NewGuid().ToString("N"));
    private readonly string _coreTools = Path.Combine(Path.GetTempPath(), "corsfunctions-core-tools-" + Guid.NewGuid().ToString("N"));

    /// <summary>A Core Tools npm package as the pinned one is before its first use (no bin/), with <paramref name="installer"/> as its lib/install.js.</summary>
    private string CoreToolsPackage(string installer)
    {
        Directory.CreateDirectory(Path.Combine(_coreTools, "lib"));
        File.WriteAllText(Path.Combine(_coreTools, "package.json"),
            """{ "name": "azure-functions-core-tools", "version": "4.15.1", "consolidatedBuildId": "305552", "engines": { "node": ">=18" } }""");
        File.WriteAllText(Path.Combine(_coreTools, "lib", "install.js"), installer);
        return _coreTools;
    }

    /// <summary>A run with the pinned Core Tools (no FUNC) taken from <paramref name="package"/>, and no func on PATH to fall back to.</summary>
    private Dictionary<string, string> FirstUse(string package)
    {
        var environment = Environment(Ports.Choose());
        environment["FUNC"] = "";
        environment["CORE_TOOLS_PACKAGE"] = package;
        environment["PATH"] = string.Join(Path.PathSeparator, (System.Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Where(folder => folder.Length > 0 && !File.Exists(Path.Combine(folder, "func"))));
        return environment;
    }

    public void Dispose()
    {
        _func.Dispose();
        if (Directory.Exists(_coreTools))
        {
            Directory.Delete(_coreTools, recursive: true);
        }

        File.Delete(_funcCalls);
        if (Directory.Exists(_azuriteData))
        {
            Directory.Delete(_azuriteData, recursive: true);
        }

        if (!_hadLocalSettings && File.Exists(LocalSettings))
        {
            File.Delete(LocalSettings);
        }
    }

    private Dictionary<string, string> Environment(Ports ports) => new(StringComparer.Ordinal)
    {
        ["PATH"] = _func.PathFirst(),
        ["FUNC"] = "func",
        ["AZURITE_BLOB_PORT"] = ports.Blob.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["AZURITE_QUEUE_PORT"] = ports.Queue.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["AZURITE_TABLE_PORT"] = ports.Table.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["AZURITE_LOCATION"] = _azuriteData,
    };

    private static ServiceProvider AppServices(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddLogging();
        services.AddCorsPolicies(_ => { });
        var provider = services.BuildServiceProvider();
        _ = provider.GetRequiredService<IOptions<CorsPolicyOptions>>().Value; // runs the app's startup validation
        return provider;
    }

    private static Dictionary<string, string> ConnectionStringParts(string? connectionString)
    {
        Assert.False(string.IsNullOrEmpty(connectionString), "AzureWebJobsStorage is not set for func start");
        return connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair.Length > 1 ? pair[1] : "", StringComparer.OrdinalIgnoreCase);
    }

    private static List<string> SampleIds()
    {
        using var samples = JsonDocument.Parse(File.ReadAllText(Repository.PathOf("samples", "policies.json")));
        return samples.RootElement.GetProperty("policies").EnumerateArray()
            .Select(policy => policy.GetProperty("id").GetString()!)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private sealed record Ports(int Blob, int Queue, int Table)
    {
        public int[] All => [Blob, Queue, Table];

        public static Ports Choose()
        {
            var free = LoopbackPorts.Free(3);
            return new Ports(free[0], free[1], free[2]);
        }

        public int Of(string service) => service switch
        {
            "blob" => Blob,
            "queue" => Queue,
            _ => Table,
        };
    }
}
