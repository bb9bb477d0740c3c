using Azure.Core;
using Azure.Core.Pipeline;

namespace CorsFunctions.Cli.Tests.Support;

/// <summary>Throws <paramref name="exception"/> instead of sending any request: a bug somewhere under a table call.</summary>
internal sealed class ThrowingPolicy(Exception exception) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message) => throw exception;
}
