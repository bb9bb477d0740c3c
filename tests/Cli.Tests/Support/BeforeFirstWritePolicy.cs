using Azure.Core;
using Azure.Core.Pipeline;

namespace CorsFunctions.Cli.Tests.Support;

/// <summary>Runs an action once, before the first entity write (PUT, MERGE, DELETE or POST) goes out: a concurrent writer, on cue.</summary>
internal sealed class BeforeFirstWritePolicy(Action action) : HttpPipelineSynchronousPolicy
{
    private int _done;

    public override void OnSendingRequest(HttpMessage message)
    {
        var method = message.Request.Method;
        var isWrite = method == RequestMethod.Put || method == RequestMethod.Delete || method.Method == "MERGE" || method == RequestMethod.Patch
            || (method == RequestMethod.Post && !message.Request.Uri.Path.EndsWith("/Tables", StringComparison.Ordinal));
        if (isWrite && Interlocked.Exchange(ref _done, 1) == 0)
        {
            action();
        }
    }
}
