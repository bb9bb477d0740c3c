using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using CorsFunctions.EndToEnd.Emulator.Rpc;
using Grpc.Core;

namespace CorsFunctions.EndToEnd.Emulator;

/// <summary>
/// The host's side of the worker's one gRPC stream: the start-up handshake (start_stream, init, metadata,
/// one load per function), then invocations matched to their responses by invocation id.
/// </summary>
internal sealed class WorkerChannel(string appDirectory, string routePrefix, OutputTail log, HostLog hostLog)
{
    private static readonly TimeSpan InvocationTimeout = TimeSpan.FromSeconds(30);

    private readonly Channel<StreamingMessage> _outgoing = Channel.CreateUnbounded<StreamingMessage>(new() { SingleReader = true });
    private readonly ConcurrentDictionary<string, TaskCompletionSource<InvocationResponse>> _invocations = new();
    private readonly TaskCompletionSource<RouteTable> _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Dictionary<string, RpcFunctionMetadata> _loading = new(StringComparer.Ordinal);
    private readonly List<HttpFunction> _httpFunctions = [];

    /// <summary>The capability the ASP.NET Core integration announces: the address of the worker's own HTTP server.</summary>
    private const string HttpUriCapability = "HttpUri";

    /// <summary>
    /// The worker's own HTTP server when it uses the ASP.NET Core integration (HTTP requests are then forwarded
    /// there), else null. Known once <see cref="Loaded"/> completed.
    /// </summary>
    public Uri? WorkerHttpUri { get; private set; }

    /// <summary>Completes with the route table once every function reported loaded; faults if any step failed.</summary>
    public Task<RouteTable> Loaded => _loaded.Task;

    /// <summary>Serves the stream the worker opened until either side closes it.</summary>
    public async Task RunAsync(IAsyncStreamReader<StreamingMessage> incoming, IServerStreamWriter<StreamingMessage> outgoing, CancellationToken cancellation)
    {
        var writing = WriteAsync(outgoing, cancellation);
        try
        {
            await foreach (var message in incoming.ReadAllAsync(cancellation))
            {
                Handle(message);
            }
        }
        catch (OperationCanceledException)
        {
            // The host is shutting down.
        }
        finally
        {
            _outgoing.Writer.TryComplete();
            var closed = new IOException("The worker closed its gRPC stream.");
            _loaded.TrySetException(closed);
            foreach (var pending in _invocations.Values)
            {
                pending.TrySetException(closed);
            }
        }

        await writing;
    }

    /// <summary>Sends one invocation and waits for the worker's response.</summary>
    public async Task<InvocationResponse> InvokeAsync(InvocationRequest request, CancellationToken cancellation)
    {
        var response = new TaskCompletionSource<InvocationResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        _invocations[request.InvocationId] = response;
        try
        {
            Send(new StreamingMessage { InvocationRequest = request });
            return await response.Task.WaitAsync(InvocationTimeout, cancellation);
        }
        finally
        {
            _invocations.TryRemove(request.InvocationId, out _);
        }
    }

    /// <summary>Asks the worker to shut down (it exits on its own).</summary>
    public void Terminate() => Send(new StreamingMessage { WorkerTerminate = new WorkerTerminate() });

    private void Handle(StreamingMessage message)
    {
        switch (message.ContentCase)
        {
            case StreamingMessage.ContentOneofCase.StartStream:
                Send(new StreamingMessage
                {
                    WorkerInitRequest = new WorkerInitRequest
                    {
                        HostVersion = "4.0.0-e2e-emulator",
                        WorkerDirectory = appDirectory,
                        FunctionAppDirectory = appDirectory,
                    },
                });
                break;
            case StreamingMessage.ContentOneofCase.WorkerInitResponse:
                if (Succeeded(message.WorkerInitResponse.Result, "worker_init_response"))
                {
                    if (message.WorkerInitResponse.Capabilities.TryGetValue(HttpUriCapability, out var httpUri))
                    {
                        WorkerHttpUri = new Uri(httpUri);
                    }

                    Send(new StreamingMessage { FunctionsMetadataRequest = new FunctionsMetadataRequest { FunctionAppDirectory = appDirectory } });
                }

                break;
            case StreamingMessage.ContentOneofCase.FunctionMetadataResponse:
                LoadFunctions(message.FunctionMetadataResponse);
                break;
            case StreamingMessage.ContentOneofCase.FunctionLoadResponse:
                var load = message.FunctionLoadResponse;
                if (Succeeded(load.Result, $"function_load_response for {load.FunctionId}") && _loading.Remove(load.FunctionId) && _loading.Count == 0)
                {
                    _loaded.TrySetResult(new RouteTable(_httpFunctions));
                }

                break;
            case StreamingMessage.ContentOneofCase.InvocationResponse:
                if (_invocations.TryGetValue(message.InvocationResponse.InvocationId, out var pending))
                {
                    pending.TrySetResult(message.InvocationResponse);
                }

                break;
            case StreamingMessage.ContentOneofCase.WorkerStatusRequest:
                Send(new StreamingMessage { RequestId = message.RequestId, WorkerStatusResponse = new WorkerStatusResponse() });
                break;
            case StreamingMessage.ContentOneofCase.RpcLog:
                var entry = message.RpcLog;
                hostLog.AddRpcLog(entry.InvocationId, (Microsoft.Extensions.Logging.LogLevel)(int)entry.Level, entry.Category, entry.Message);
                if (entry.Level >= RpcLog.Types.Level.Warning)
                {
                    log.Add($"[worker {entry.Level}{(entry.InvocationId.Length == 0 ? ", no invocation: the host drops it" : "")}] {entry.Category}: {entry.Message} {entry.Exception?.Message}");
                }

                break;
        }
    }

    private void LoadFunctions(FunctionMetadataResponse response)
    {
        if (!Succeeded(response.Result, "function_metadata_response"))
        {
            return;
        }

        if (response.UseDefaultMetadataIndexing)
        {
            _loaded.TrySetException(new NotSupportedException("The worker asked for host indexing, which the emulator does not do."));
            return;
        }

        foreach (var metadata in response.FunctionMetadataResults)
        {
            if (metadata.FunctionId.Length == 0)
            {
                metadata.FunctionId = Guid.NewGuid().ToString();
            }

            // The host turns raw_bindings into the bindings map the worker builds its function definition from.
            if (metadata.Bindings.Count == 0)
            {
                foreach (var raw in metadata.RawBindings)
                {
                    AddBinding(metadata, raw);
                }
            }

            if (HttpFunction.FromMetadata(metadata, routePrefix) is { } function)
            {
                _httpFunctions.Add(function);
            }

            _loading[metadata.FunctionId] = metadata;
        }

        if (_loading.Count == 0)
        {
            _loaded.TrySetResult(new RouteTable(_httpFunctions));
            return;
        }

        foreach (var metadata in _loading.Values)
        {
            Send(new StreamingMessage { FunctionLoadRequest = new FunctionLoadRequest { FunctionId = metadata.FunctionId, Metadata = metadata } });
        }
    }

    private static void AddBinding(RpcFunctionMetadata metadata, string raw)
    {
        using var document = JsonDocument.Parse(raw);
        var binding = document.RootElement;
        metadata.Bindings[binding.GetProperty("name").GetString()!] = new BindingInfo
        {
            Type = binding.GetProperty("type").GetString(),
            Direction = Enum.Parse<BindingInfo.Types.Direction>(binding.GetProperty("direction").GetString()!, ignoreCase: true),
        };
    }

    private bool Succeeded(StatusResult? result, string step)
    {
        if (result is null || result.Status == StatusResult.Types.Status.Success)
        {
            return true;
        }

        _loaded.TrySetException(new InvalidOperationException($"The worker failed {step}: {result.Exception?.Message ?? result.Result}"));
        return false;
    }

    private void Send(StreamingMessage message)
    {
        if (message.RequestId.Length == 0)
        {
            message.RequestId = Guid.NewGuid().ToString();
        }

        _outgoing.Writer.TryWrite(message);
    }

    private async Task WriteAsync(IServerStreamWriter<StreamingMessage> outgoing, CancellationToken cancellation)
    {
        try
        {
            await foreach (var message in _outgoing.Reader.ReadAllAsync(cancellation))
            {
                await outgoing.WriteAsync(message, cancellation);
            }
        }
        catch (OperationCanceledException)
        {
            // The host is shutting down.
        }
    }
}
