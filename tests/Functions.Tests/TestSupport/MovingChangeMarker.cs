using Azure;
using CorsFunctions.Worker.Policies;
using Moq;

namespace CorsFunctions.Functions.Tests.TestSupport;

/// <summary>
/// Sets a mocked store's change marker to move on every read without a log, as if a write of an older version had landed
/// before each refresh, so that every refresh reads all rows: for tests of what a full read does, not of when one happens.
/// </summary>
internal static class MovingChangeMarker
{
    public static Mock<IPolicyStore> WithMovingChangeMarker(this Mock<IPolicyStore> store)
    {
        var reads = 0;
        store.Setup(s => s.ReadChangeMarkerAsync(It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => new ChangeMarker(new ETag($"W/\"marker-{Interlocked.Increment(ref reads)}\""), null));
        return store;
    }
}
