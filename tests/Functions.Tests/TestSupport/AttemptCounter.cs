using Azure.Core;
using Azure.Core.Pipeline;

namespace CorsFunctions.Functions.Tests.TestSupport;

/// <summary>Counts the requests a table client sends, every retry included (add it <see cref="HttpPipelinePosition.PerRetry"/>).</summary>
internal sealed class AttemptCounter : HttpPipelineSynchronousPolicy
{
    private int _attempts;

    public int Attempts => Volatile.Read(ref _attempts);

    public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref _attempts);
}
