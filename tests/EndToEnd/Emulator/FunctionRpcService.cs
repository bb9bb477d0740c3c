using CorsFunctions.EndToEnd.Emulator.Rpc;
using Grpc.Core;

namespace CorsFunctions.EndToEnd.Emulator;

/// <summary>The gRPC endpoint the worker dials back to; the single stream is handed to the <see cref="WorkerChannel"/>.</summary>
internal sealed class FunctionRpcService(WorkerChannel channel) : FunctionRpc.FunctionRpcBase
{
    public override Task EventStream(IAsyncStreamReader<StreamingMessage> requestStream, IServerStreamWriter<StreamingMessage> responseStream, ServerCallContext context) =>
        channel.RunAsync(requestStream, responseStream, context.CancellationToken);
}
