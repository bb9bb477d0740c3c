using System.Net;
using Azure.Core;
using Azure.Data.Tables;
using CorsFunctions.Functions.Tests.TestSupport;
using CorsFunctions.Worker.Management;
using CorsFunctions.Worker.Management.Functions;
using CorsFunctions.Worker.Management.Http;
using CorsFunctions.Worker.Policies;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CorsFunctions.Functions.Tests.Integration;

/// <summary>
/// The management API, composed as the app composes it (UseCorsPolicies' services and the package's own: its table clients, retries, store and audit log), in an
/// outage: after every retry the answer is 503 <c>store-unavailable</c> with <c>Retry-After</c>, naming the table
/// that failed, never a 500 <c>internal-error</c>; and an interrupted write has written nothing.
/// </summary>
[Collection(AzuriteTests.Name)]
[Trait(AzuriteTests.Category, AzuriteTests.Name)]
public sealed class ManagementStoreOutageTests
{
    private const string Url = "https://app.example.net/api/cors-policies/items";
    private const string Policy = """{ "routes": ["/api/items"], "allowedOrigins": ["https://trusted.example.com"] }""";

    /// <summary>The app's services over <paramref name="connectionString"/>, retried as in production with only the waits shortened.</summary>
    private static ServiceProvider App(string connectionString, Action<Azure.Core.ClientOptions> client, TimeSpan? networkTimeout = null)
    {
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder()
                .AddInMemoryCollection([new("CorsPolicies:EnableManagementApi", "true")]).Build())
            .AddLogging()
            .AddCorsPolicies(options => options.ConnectionString = connectionString)
            .AddCorsPoliciesManagement();
        services.AddAzureClients(clients => clients.ConfigureDefaults(defaults =>
        {
            TableRetry.Apply(defaults.Retry, ProductionRetries.Delay, ProductionRetries.MaxDelay, networkTimeout ?? TableRetry.NetworkTimeout);
            client(defaults);
        }));
        return services.BuildServiceProvider();
    }

    private static ManagementApi Functions(ServiceProvider app) => app.GetRequiredService<ManagementApi>();

    public static TheoryData<string, string> Calls => new()
    {
        { "CorsPoliciesList", "CorsPolicies" },
        { "CorsPolicyGet", "CorsPolicies" },
        { "CorsPolicyPut", "CorsPolicies" },
        { "CorsPolicyDelete", "CorsPolicies" },
        { "CorsPolicyHistory", "CorsPolicyAudit" },
        { "CorsPolicyRollback", "CorsPolicyAudit" },
    };

    private static Task<HttpResponseData> CallAsync(ManagementApi functions, string function)
    {
        var context = ManagementHarness.Context(function);
        return function switch
        {
            "CorsPoliciesList" => functions.ListAsync(ManagementHarness.AdminRequest("GET", "https://app.example.net/api/cors-policies"), context, CancellationToken.None),
            "CorsPolicyGet" => functions.GetAsync(ManagementHarness.AdminRequest("GET", Url), "items", context, CancellationToken.None),
            "CorsPolicyPut" => functions.PutAsync(ManagementHarness.AdminRequest("PUT", Url, Policy), "items", context, CancellationToken.None),
            "CorsPolicyDelete" => functions.DeleteAsync(ManagementHarness.AdminRequest("DELETE", Url), "items", context, CancellationToken.None),
            "CorsPolicyHistory" => functions.HistoryAsync(ManagementHarness.AdminRequest("GET", Url + "/history"), "items", context, CancellationToken.None),
            _ => functions.RollbackAsync(ManagementHarness.AdminRequest("POST", Url + "/rollback?version=1"), "items", context, CancellationToken.None),
        };
    }

    private static void AssertUnavailable(HttpResponseData response, string table)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var headers = ((FakeHttpResponseData)response).WireHeaders();
        Assert.Equal(ManagementResult.ProblemContentType, headers["Content-Type"]);
        Assert.Equal(StoreFailures.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), headers["Retry-After"]);
        var body = ManagementHarness.Body(response);
        Assert.Equal(ManagementProblems.TypePrefix + "store-unavailable", body.GetProperty("type").GetString());
        Assert.Equal(table, body.GetProperty("table").GetString());
        Assert.Contains($"could not be reached on table '{table}'", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task A_closed_port_answers_503_store_unavailable_naming_the_table_after_every_retry(string function, string table)
    {
        var attempts = new AttemptCounter();
        await using var app = App(ClosedPort.ConnectionString, client => client.AddPolicy(attempts, HttpPipelinePosition.PerRetry));

        var response = await CallAsync(Functions(app), function);

        AssertUnavailable(response, table);
        Assert.Equal(1 + TableRetry.MaxRetries, attempts.Attempts);
    }

    [Fact]
    public Task A_put_whose_emulator_hangs_after_its_first_read_answers_503_naming_the_audit_table_and_has_written_nothing() => AzuriteFixture.WithOwnAsync(async emulator =>
    {
        var service = new TableServiceClient(emulator.ConnectionString);
        var (policies, audit) = (service.GetTableClient("CorsPolicies"), service.GetTableClient("CorsPolicyAudit"));
        await policies.CreateAsync();
        await audit.CreateAsync();
        await using var app = App(emulator.ConnectionString,
            client => client.AddPolicy(new AfterResponsesPolicy(_ => true, 1, emulator.Freeze), HttpPipelinePosition.PerCall),
            networkTimeout: TimeSpan.FromMilliseconds(500));

        var response = await CallAsync(Functions(app), "CorsPolicyPut");
        emulator.Thaw();

        // The first read (the policy row) was answered; the next, the audit table's last version, hung: nothing was written.
        AssertUnavailable(response, "CorsPolicyAudit");
        Assert.Empty(await policies.QueryAsync<TableEntity>().ToListAsync());
        Assert.Empty(await audit.QueryAsync<TableEntity>().ToListAsync());
    });
}
