namespace CorsFunctions.EndToEnd.Emulator;

/// <summary>Where a line of the emulated host's output came from.</summary>
internal enum HostLogSource
{
    /// <summary>An <c>RpcLog</c> of an invocation, sent over the worker's gRPC stream.</summary>
    Invocation,

    /// <summary>A line the worker process wrote to stdout or stderr (the host's category <c>Host.Function.Console</c>).</summary>
    WorkerConsole,
}
