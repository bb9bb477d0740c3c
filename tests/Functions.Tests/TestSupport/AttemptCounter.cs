using Azure.Core;
using Azure.Core.Pipeline;

namespace CorsFunctions.Functions.Tests.TestSupport;

/// <summary>Counts the requests a table client sends, every retry included (add it <see cref="HttpPipelinePosition.PerRetry"/>).</summary>
internal sealed class AttemptCounter : HttpPipelineSynchronousPolicy
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _sent = new();
    private int _attempts;

    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>The method, path and query of every request sent, in order.</summary>
    public IReadOnlyList<string> Sent => [.. _sent];

    public override void OnSendingRequest(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        Interlocked.Increment(ref _attempts);
        _sent.Enqueue($"{message.Request.Method} {Uri.UnescapeDataString(message.Request.Uri.PathAndQuery)}");
    }
}
