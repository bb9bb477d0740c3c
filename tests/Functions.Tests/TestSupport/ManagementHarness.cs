using System.Security.Claims;
using System.Text.Json;
using CorsFunctions.Worker;
using CorsFunctions.Worker.Management;
using CorsFunctions.Worker.Management.Callers;
using CorsFunctions.Worker.Management.Functions;
using CorsFunctions.Worker.Management.Handlers;
using CorsFunctions.Worker.Policies;
using CorsFunctions.Worker.Policies.Audit;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace CorsFunctions.Functions.Tests.TestSupport;

/// <summary>
/// The management API wired as the app wires it, over an in-memory policy table and audit table: the real row
/// mappers, pipeline, audit log and chain, handlers, caller reader and authorizer. <paramref name="settings"/> are app settings (e.g. <c>WEBSITE_AUTH_ENABLED</c>).
/// </summary>
internal sealed class ManagementHarness
{
    public ManagementHarness(CorsManagementOptions? options = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var configured = Options.Create(options ?? new CorsManagementOptions { EnableManagementApi = true });
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        // A short wait for a missing predecessor: the tests of lost entries need not wait the production five seconds.
        AuditLog = new PolicyAuditLog(Audit, "default", TimeProvider.System, NullLogger<PolicyAuditLog>.Instance, TimeSpan.FromMilliseconds(100));
        Pipeline = new PolicyWritePipeline(Store, AuditLog, TimeProvider.System, NullLogger<PolicyWritePipeline>.Instance);
        Handler = new PolicyManagementHandler(Store, Pipeline, Refresher.Object, LintContexts.Unreadable());
        Functions = new ManagementApi(Handler, new CorsCheckApiHandler(Mock.Of<IPolicySnapshotSource>(s => s.Current == PolicySnapshot.NotLoaded)),
            new ManagementCallerReader(configuration), new ManagementAuthorizer(configured), configured, NullLogger<ManagementApi>.Instance);
    }

    public static PolicyWriter Admin { get; } = new(PolicyWriterKinds.Key, "master", null, PolicyWriter.ApiSource);

    public InMemoryPolicyStore Store { get; } = new();

    public InMemoryAuditTable Audit { get; } = new();

    public PolicyAuditLog AuditLog { get; }

    public Mock<IPolicySnapshotRefresher> Refresher { get; } = new();

    public PolicyWritePipeline Pipeline { get; }

    public PolicyManagementHandler Handler { get; }

    public ManagementApi Functions { get; }

    /// <summary>The context of an invocation of the function named <paramref name="function"/>.</summary>
    public static FunctionContext Context(string function)
    {
        var definition = new Mock<FunctionDefinition>();
        definition.Setup(d => d.Name).Returns(function);
        return Mock.Of<FunctionContext>(c => c.InvocationId == "inv-1" && c.FunctionDefinition == definition.Object);
    }

    /// <summary>A request that presented the master key; a PUT or POST declares its JSON body, as a client of the API does.</summary>
    public static FakeHttpRequestData AdminRequest(string method, string url, string? body = null, params KeyValuePair<string, string>[] headers) =>
        new(method, url, method is "PUT" or "POST" ? [new("Content-Type", "application/json"), .. headers] : headers, body) { IdentitiesFromHost = [HostKey()] };

    /// <summary>The JSON body of <paramref name="response"/>.</summary>
    public static JsonElement Body(HttpResponseData response) => JsonDocument.Parse(((FakeHttpResponseData)response).ReadBody()).RootElement;

    /// <summary>The identity the host attaches when a request presents the key named <paramref name="name"/> at <paramref name="level"/>.</summary>
    public static ClaimsIdentity HostKey(string name = "master", string level = "Admin") => HostIdentities.Key(name, level);
}
