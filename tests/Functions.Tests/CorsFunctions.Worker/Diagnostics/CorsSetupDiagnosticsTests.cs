using System.Collections.Immutable;
using CorsFunctions.Core.Routing;
using CorsFunctions.Functions.Tests.TestSupport;
using CorsFunctions.Worker;
using CorsFunctions.Worker.Diagnostics;
using CorsFunctions.Worker.Policies;
using Microsoft.Azure.Functions.Worker.Core.FunctionMetadata;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Moq;

namespace CorsFunctions.Functions.Tests.Diagnostics;

public sealed class CorsSetupDiagnosticsTests : IDisposable
{
    private readonly Mock<IFunctionMetadataManager> _metadata = new();
    private readonly Mock<IPolicySnapshotReady> _policies = new();
    private readonly TaskCompletionSource<PolicySnapshot> _firstLoaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly FakeLogger<CorsSetupDiagnostics> _logger = new();
    private readonly DirectoryInfo _appDirectory = Directory.CreateTempSubdirectory("cors-setup-");

    public CorsSetupDiagnosticsTests() => _policies.SetupGet(p => p.FirstLoaded).Returns(_firstLoaded.Task);

    public void Dispose() => _appDirectory.Delete(recursive: true);

    private void AppHas(params IFunctionMetadata[] functions) =>
        _metadata.Setup(m => m.GetFunctionMetadataAsync(_appDirectory.FullName)).ReturnsAsync(functions.ToImmutableArray());

    private CorsSetupDiagnostics Create(string? routePrefixSetting = null, string? planAnsweringPreflights = null) => new(_metadata.Object,
        _policies.Object, new FunctionAppEnvironment(_appDirectory.FullName, routePrefixSetting, planAnsweringPreflights),
        Options.Create(new CorsPolicyOptions()), _logger);

    private int[] LoggedEvents() => [.. _logger.Collector.GetSnapshot().Select(r => r.Id.Id)];

    private async Task WaitForEventsAsync(int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (_logger.Collector.Count < count)
        {
            await Task.Delay(10, timeout.Token);
        }
    }

    [Fact]
    public async Task Trigger_warnings_come_at_once_and_policy_warnings_once_the_first_snapshot_is_loaded()
    {
        AppHas(SetupFunctions.Http("Anything", "items/{id}"), SetupFunctions.Http("Orders", "orders", "get"));
        using var diagnostics = Create();

        await diagnostics.StartAsync(CancellationToken.None);
        await WaitForEventsAsync(1);
        Assert.Equal([3000], LoggedEvents());

        _firstLoaded.SetResult(new PolicySnapshot(PolicySet.Create([TestPolicies.Items()]), DateTimeOffset.UnixEpoch));
        await diagnostics.ExecuteTask!;

        // 3020: the policy's route /api/items is served by no function (Anything serves /api/items/{id} only).
        Assert.Equal([3000, 3003, 3020], LoggedEvents());
        Assert.Contains("Orders", _logger.Collector.GetSnapshot().Single(r => r.Id.Id == 3003).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plan_whose_host_answers_preflights_is_named_once_with_the_ways_out()
    {
        AppHas(SetupFunctions.Http("List", "items", "get"));
        _firstLoaded.SetResult(new PolicySnapshot(PolicySet.Create([TestPolicies.Items()]), DateTimeOffset.UnixEpoch));
        using var diagnostics = Create(planAnsweringPreflights: PreflightAnsweringPlan.FlexConsumption);

        await diagnostics.StartAsync(CancellationToken.None);
        await diagnostics.ExecuteTask!;

        var warning = Assert.Single(_logger.Collector.GetSnapshot(), r => r.Id.Id == 3006);
        Assert.Contains("The app runs on Flex Consumption: there the Functions host answers every CORS preflight itself", warning.Message,
            StringComparison.Ordinal);
        Assert.Contains("Windows Consumption, Elastic Premium or a Dedicated plan", warning.Message, StringComparison.Ordinal);
        Assert.Contains("corsfunctions export --format apim", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_plan_warning_where_the_worker_sees_preflights()
    {
        AppHas(SetupFunctions.Http("List", "items", "get"));
        _firstLoaded.SetResult(new PolicySnapshot(PolicySet.Create([TestPolicies.Items()]), DateTimeOffset.UnixEpoch));
        using var diagnostics = Create();

        await diagnostics.StartAsync(CancellationToken.None);
        await diagnostics.ExecuteTask!;

        Assert.DoesNotContain(3006, LoggedEvents());
    }

    [Fact]
    public async Task The_route_prefix_comes_from_host_json_in_the_app_directory()
    {
        await File.WriteAllTextAsync(Path.Combine(_appDirectory.FullName, "host.json"), """{"version": "2.0", "extensions": {"http": {"routePrefix": "v1"}}}""");
        AppHas(SetupFunctions.Http("List", "items", "get"));
        _firstLoaded.SetResult(new PolicySnapshot(PolicySet.Create([TestPolicies.Items()]), DateTimeOffset.UnixEpoch));
        using var diagnostics = Create();

        await diagnostics.StartAsync(CancellationToken.None);
        await diagnostics.ExecuteTask!;

        // Beside it, the policy's routes outside /v1 get their lint warnings (3020).
        var warning = Assert.Single(_logger.Collector.GetSnapshot(), r => r.Id.Id != 3020);
        Assert.Equal(3002, warning.Id.Id);
        Assert.Contains("route prefix /v1", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_route_prefix_setting_overrides_host_json()
    {
        await File.WriteAllTextAsync(Path.Combine(_appDirectory.FullName, "host.json"), """{"extensions": {"http": {"routePrefix": "v1"}}}""");
        AppHas(SetupFunctions.Http("List", "items", "get"), SetupFunctions.Http("Item", "items/{id}", "get"));
        _firstLoaded.SetResult(new PolicySnapshot(PolicySet.Create([TestPolicies.Items()]), DateTimeOffset.UnixEpoch));
        using var diagnostics = Create(routePrefixSetting: "api");

        await diagnostics.StartAsync(CancellationToken.None);
        await diagnostics.ExecuteTask!;

        Assert.Empty(_logger.Collector.GetSnapshot());
    }

    [Fact]
    public async Task Unreadable_metadata_is_logged_and_never_stops_the_app()
    {
        _metadata.Setup(m => m.GetFunctionMetadataAsync(It.IsAny<string>())).ThrowsAsync(new FileNotFoundException("functions.metadata"));
        using var diagnostics = Create();

        await diagnostics.StartAsync(CancellationToken.None);
        await diagnostics.ExecuteTask!;

        Assert.Equal([3005], LoggedEvents());
        Assert.True(diagnostics.ExecuteTask!.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Stopping_before_the_store_was_read_ends_the_checks_quietly()
    {
        var read = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _metadata.Setup(m => m.GetFunctionMetadataAsync(_appDirectory.FullName))
            .Callback(read.SetResult)
            .ReturnsAsync(ImmutableArray.Create(SetupFunctions.Http("List", "items", "get")));
        using var diagnostics = Create();
        await diagnostics.StartAsync(CancellationToken.None);
        await read.Task;

        await diagnostics.StopAsync(CancellationToken.None);

        Assert.True(diagnostics.ExecuteTask!.IsCompletedSuccessfully);
        Assert.Empty(_logger.Collector.GetSnapshot());
    }

    [Fact]
    public async Task Each_lint_warning_of_a_loaded_policy_is_logged_once_as_3020_with_its_code_and_the_policy()
    {
        AppHas(SetupFunctions.Http("List", "items", "get"), SetupFunctions.Http("Item", "items/{id}", "get"));
        _firstLoaded.SetResult(new PolicySnapshot(PolicySet.Create([TestPolicies.Items() with { MaxAgeSeconds = null, Routes = ["/api/items", "/api/orders"] }]),
            DateTimeOffset.UnixEpoch));
        using var diagnostics = Create(routePrefixSetting: "api");

        await diagnostics.StartAsync(CancellationToken.None);
        await diagnostics.ExecuteTask!;

        var warnings = _logger.Collector.GetSnapshot().Where(r => r.Id.Id == 3020).ToArray();
        Assert.Equal(2, warnings.Length);
        Assert.Contains(warnings, w => w.Message.Contains("lint.max_age_missing", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Message.Contains("lint.route_unreachable", StringComparison.Ordinal) && w.Message.Contains("/api/orders", StringComparison.Ordinal));
        Assert.All(warnings, w => Assert.Contains("CORS policy items", w.Message, StringComparison.Ordinal));
    }
}
