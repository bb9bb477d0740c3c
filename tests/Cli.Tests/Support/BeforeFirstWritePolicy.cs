using Azure.Core;
using Azure.Core.Pipeline;
using CorsFunctions.Functions.Tests.TestSupport;

namespace CorsFunctions.Cli.Tests.Support;

/// <summary>Runs an action once, before the first entity write (PUT, MERGE, DELETE or POST) goes out: a concurrent writer, on cue.</summary>
internal sealed class BeforeFirstWritePolicy(Action action) : HttpPipelineSynchronousPolicy
{
    private int _done;

    public override void OnSendingRequest(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (TableRequests.IsEntityWrite(message.Request) && Interlocked.Exchange(ref _done, 1) == 0)
        {
            action();
        }
    }
}
