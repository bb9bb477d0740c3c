using System.Diagnostics;
using System.Net;
using Azure.Data.Tables;
using CorsFunctions.EndToEnd.Emulator;
using Microsoft.Playwright;

namespace CorsFunctions.EndToEnd.Fixtures;

/// <summary>
/// One of everything for the suite of one HTTP model: Azurite (behind a read-counting proxy), the built consumer app
/// behind the host emulator, the page origin and headless Chromium. Policies are seeded before the worker starts.
/// </summary>
/// <param name="appProject">The consumer app to build and run, relative to the repository root.</param>
/// <param name="aspNetCoreIntegration">Whether the app uses the ASP.NET Core integration (its HTTP requests are proxied).</param>
public abstract class EndToEndFixture(bool aspNetCoreIntegration, params string[] appProject) : IAsyncLifetime
{
    public const string PolicySet = "default";
    public const string TableName = "E2eCorsPolicies";
    public const string AuditTableName = "E2eCorsPolicyAudit";
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(45);

    private AzuriteTables? _azurite;
    private CountingTableProxy? _proxy;
    private PageServer? _page;
    private FunctionHost? _host;
    private Chromium? _chromium;
    private TableClient? _table;
    private string? _appDirectory;
    private Dictionary<string, string> _appSettings = [];

    /// <summary>Whether the app uses the ASP.NET Core integration, so the host forwards HTTP requests to the worker.</summary>
    public bool AspNetCoreIntegration => aspNetCoreIntegration;

    /// <summary>The function key (<c>default</c>) the emulated host accepts for Function-level triggers.</summary>
    public string FunctionKey { get; } = Convert.ToHexString(Guid.NewGuid().ToByteArray());

    /// <summary>The master key, the only key Admin-level triggers (the management API) accept.</summary>
    public string MasterKey { get; } = Convert.ToHexString(Guid.NewGuid().ToByteArray());

    /// <summary>A client for the API (no key, no Origin by default).</summary>
    public HttpClient Api { get; private set; } = null!;

    public Uri ApiBase => Host.BaseAddress;

    internal FunctionHost Host => _host ?? throw new InvalidOperationException("The fixture did not start.");

    internal CountingTableProxy TableProxy => _proxy!;

    internal PageServer Page => _page!;

    internal IBrowser Browser => _chromium!.Browser;

    /// <summary>The policy table, written directly (not through the counting proxy).</summary>
    internal TableClient Table => _table!;

    /// <summary>
    /// Writes a policy row, then the change marker row (RowKey <c>~changed</c>, docs/storage.md) without a log, as a writer
    /// of an earlier version leaves it: the worker reads every row at its next refresh rather than its next full read.
    /// </summary>
    internal async Task WritePolicyRowAsync(TableEntity row)
    {
        await Table.UpsertEntityAsync(row, TableUpdateMode.Replace);
        await Table.UpsertEntityAsync(new TableEntity(PolicySet, "~changed"), TableUpdateMode.Replace);
    }

    public async Task InitializeAsync()
    {
        var browser = Chromium.LaunchAsync();
        try
        {
            await StartServicesAsync();
            _chromium = await browser;
        }
        catch
        {
            // Whatever did start is stopped here: a failed start must leave no process behind.
            _chromium = await browser.ContinueWith(launch => launch.IsCompletedSuccessfully ? launch.Result : null, TaskScheduler.Default);
            await DisposeAsync();
            throw;
        }
    }

    private async Task StartServicesAsync()
    {
        var build = FunctionAppBuild.BuildAsync(appProject);
        _azurite = await AzuriteTables.StartAsync();
        _proxy = await CountingTableProxy.StartAsync(_azurite.Port, TableName);
        _page = await PageServer.StartAsync();

        _table = new TableServiceClient(_azurite.ConnectionString).GetTableClient(TableName);
        await _table.CreateIfNotExistsAsync();
        await new TableServiceClient(_azurite.ConnectionString).GetTableClient(AuditTableName).CreateIfNotExistsAsync();
        foreach (var row in SeededPolicies.All(_page.SerializedOrigin))
        {
            await _table.UpsertEntityAsync(row.ToEntity(), TableUpdateMode.Replace);
        }

        // An operator's typo: a number stored as text. The row must fail closed for its route.
        await _table.UpsertEntityAsync(new TableEntity(PolicySet, "garbage")
        {
            ["Routes"] = "/api/garbage/*",
            ["AllowedOrigins"] = SeededPolicies.TrustedOrigin,
            ["MaxAgeSeconds"] = "abc",
        });

        var storage = AzuriteTables.ConnectionStringFor(_proxy.Port);
        _appDirectory = await build;
        _appSettings = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = storage,
            ["CorsPolicies__ConnectionString"] = storage,
            ["CorsPolicies__TableName"] = TableName,
            ["CorsPolicies__PartitionKey"] = PolicySet,
            ["CorsPolicies__EnableManagementApi"] = "true",
            ["CorsPolicies__AuditTableName"] = AuditTableName,
            ["CorsPolicies__RefreshSeconds"] = RefreshInterval.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),

            // What App Service sets for every app (Core Tools does not): the emulator checks keys as App Service's host does.
            ["WEBSITE_SITE_NAME"] = "corsfunctions-e2e",
        };
        _host = await FunctionHost.StartAsync(new FunctionHostOptions(_appDirectory, FunctionKey, MasterKey, _appSettings));
        Api = new HttpClient { BaseAddress = _host.BaseAddress };
        await WaitUntilPoliciesServeAsync();
    }

    /// <summary>
    /// A second host running the same built app with some app settings changed (same storage, key and table);
    /// the caller disposes it.
    /// </summary>
    internal Task<FunctionHost> StartAnotherHostAsync(IReadOnlyDictionary<string, string> changedSettings)
    {
        var settings = new Dictionary<string, string>(_appSettings);
        foreach (var (name, value) in changedSettings)
        {
            settings[name] = value;
        }

        return FunctionHost.StartAsync(new FunctionHostOptions(_appDirectory!, FunctionKey, MasterKey, settings));
    }

    public async Task DisposeAsync()
    {
        Api?.Dispose();
        if (_chromium is not null)
        {
            await _chromium.DisposeAsync();
        }

        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_page is not null)
        {
            await _page.DisposeAsync();
        }

        if (_proxy is not null)
        {
            await _proxy.DisposeAsync();
        }

        _azurite?.Dispose();
    }

    /// <summary>A preflight request for <paramref name="path"/> (no key: browsers never send one).</summary>
    public static HttpRequestMessage Preflight(string path, string origin, string method, string? headers = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.TryAddWithoutValidation("Origin", origin);
        request.Headers.TryAddWithoutValidation("Access-Control-Request-Method", method);
        if (headers is not null)
        {
            request.Headers.TryAddWithoutValidation("Access-Control-Request-Headers", headers);
        }

        return request;
    }

    /// <summary>The worker answers 204 to a known-good preflight once its first policy snapshot is loaded.</summary>
    private async Task WaitUntilPoliciesServeAsync()
    {
        var clock = Stopwatch.StartNew();
        HttpStatusCode? last = null;
        while (clock.Elapsed < ReadyTimeout)
        {
            using var response = await Api.SendAsync(Preflight(SeededPolicies.ItemsCollection, SeededPolicies.TrustedOrigin, "PUT"));
            last = response.StatusCode;
            if (last == HttpStatusCode.NoContent)
            {
                return;
            }

            await Task.Delay(200);
        }

        throw new InvalidOperationException(
            $"The worker never allowed a seeded preflight within {ReadyTimeout.TotalSeconds:0} s (last status {(int?)last}). Host routes: "
            + string.Join(", ", Host.Routes.Functions.Select(f => $"{f.Name} {string.Join('|', f.Methods ?? new HashSet<string>())} /{f.Route} {f.AuthLevel}"))
            + Environment.NewLine + Host.RecentOutput);
    }
}
