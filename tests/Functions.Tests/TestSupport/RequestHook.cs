using Azure.Core;
using Azure.Core.Pipeline;

namespace CorsFunctions.Functions.Tests.TestSupport;

/// <summary>
/// Runs <paramref name="onRequest"/> before and <paramref name="onResponse"/> after each request of a table client, to
/// slow a call down or act at an exact point of a write (cancel the caller once the row is written, stop the emulator).
/// </summary>
internal sealed class RequestHook(Func<HttpMessage, Task>? onRequest = null, Action<HttpMessage>? onResponse = null) : HttpPipelinePolicy
{
    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        if (onRequest is not null)
        {
            await onRequest(message).ConfigureAwait(false);
        }

        await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
        onResponse?.Invoke(message);
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        throw new NotSupportedException("The table clients of these tests are used asynchronously only.");
}
