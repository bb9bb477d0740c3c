namespace CorsFunctions.Functions.Tests.Diagnostics;

/// <summary>
/// Tests that export through OpenTelemetry listen to every <c>CorsFunctions</c> meter in the process, so they run
/// alone: no other test's instruments can add points to what they read.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class OpenTelemetryExportTestGroup
{
    public const string Name = "OpenTelemetry export";
}
