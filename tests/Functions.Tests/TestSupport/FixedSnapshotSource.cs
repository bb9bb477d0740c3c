using CorsFunctions.Core.Policies;
using CorsFunctions.Core.Routing;
using CorsFunctions.Worker.Policies;

namespace CorsFunctions.Functions.Tests.TestSupport;

/// <summary>A snapshot source that always answers the same snapshot.</summary>
internal sealed class FixedSnapshotSource(PolicySnapshot snapshot) : IPolicySnapshotSource
{
    public PolicySnapshot Current => snapshot;

    public static FixedSnapshotSource Of(params CorsPolicyDefinition[] definitions) =>
        new(new PolicySnapshot(PolicySet.Create(definitions), DateTimeOffset.UnixEpoch));
}
