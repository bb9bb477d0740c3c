using Azure.Core;
using Azure.Core.Pipeline;

namespace CorsFunctions.Functions.Tests.TestSupport;

/// <summary>
/// Runs <paramref name="action"/> once, as soon as the <paramref name="count"/>-th answered request that
/// <paramref name="counts"/> is back, before the call returns: an emulator frozen or killed after exactly that many
/// writes, deterministically. Add it per call (<see cref="HttpPipelinePosition.PerCall"/>), so a retried call counts once.
/// </summary>
internal sealed class AfterResponsesPolicy(Func<Request, bool> counts, int count, Action action) : HttpPipelineSynchronousPolicy
{
    private int _seen;

    public override void OnReceivedResponse(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (counts(message.Request) && Interlocked.Increment(ref _seen) == count)
        {
            action();
        }
    }
}
