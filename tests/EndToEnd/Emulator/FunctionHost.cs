using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CorsFunctions.EndToEnd.Emulator;

/// <summary>
/// A TEST TOOL standing in for the Azure Functions host: it starts the real worker process, speaks the worker's
/// gRPC protocol to it and serves its HTTP triggers on a loopback port through Kestrel (route table with method
/// constraints, function keys). A worker using the ASP.NET Core integration gets each HTTP request forwarded to
/// its own HTTP server besides the gRPC invocation. Like the host, it drops worker log messages of no invocation and
/// relays the worker's console output (<see cref="Log"/>). It does not emulate platform CORS, plans, admin APIs or
/// host.json headers.
/// </summary>
internal sealed class FunctionHost : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly WebApplication _rpcServer;
    private readonly WorkerChannel _channel;
    private readonly WorkerProcess _worker;
    private readonly OutputTail _output;
    private WebApplication? _front;
    private WorkerHttpProxy? _proxy;

    private FunctionHost(WebApplication rpcServer, WorkerChannel channel, WorkerProcess worker, OutputTail output, HostLog log)
    {
        Log = log;
        _rpcServer = rpcServer;
        _channel = channel;
        _worker = worker;
        _output = output;
    }

    /// <summary>Where the HTTP triggers are served, e.g. <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Whether HTTP requests are forwarded to the worker's own HTTP server (the ASP.NET Core integration).</summary>
    public bool ProxiesHttp => _proxy is not null;

    /// <summary>The functions the worker reported and the host routes to.</summary>
    public RouteTable Routes { get; private set; } = null!;

    /// <summary>What the real host would show of the worker's logs (invocation logs and console output).</summary>
    public HostLog Log { get; }

    /// <summary>The worker's process id, for measuring its own memory and CPU.</summary>
    public int WorkerProcessId => _worker.Id;

    /// <summary>The last lines of worker output and worker log messages, for failure messages.</summary>
    public string RecentOutput => _output.ToString();

    public static async Task<FunctionHost> StartAsync(FunctionHostOptions options)
    {
        var output = new OutputTail();
        var log = new HostLog();
        var channel = new WorkerChannel(options.AppDirectory, HostJson.ReadRoutePrefix(options.AppDirectory), output, log);
        var rpcServer = await StartRpcServerAsync(channel);
        var worker = WorkerProcess.Start(options.AppDirectory, AddressOf(rpcServer), options.AppSettings, output, log);
        var host = new FunctionHost(rpcServer, channel, worker, output, log);
        try
        {
            var finished = await Task.WhenAny(channel.Loaded, worker.Exited, Task.Delay(StartTimeout));
            if (finished != channel.Loaded || !channel.Loaded.IsCompletedSuccessfully)
            {
                var reason = finished == worker.Exited ? $"the worker exited with code {worker.ExitCode}"
                    : finished == channel.Loaded ? channel.Loaded.Exception!.InnerException!.Message
                    : $"the worker did not load its functions within {StartTimeout.TotalSeconds:0} s";
                throw new InvalidOperationException($"The function host did not start: {reason}.{Environment.NewLine}{output}");
            }

            host.Routes = await channel.Loaded;
            host._proxy = channel.WorkerHttpUri is { } workerHttpUri ? new WorkerHttpProxy(workerHttpUri) : null;
            host._front = await StartFrontAsync(host.Routes, channel, host._proxy, new FunctionKeys(options.FunctionKey, options.MasterKey), output);
            host.BaseAddress = AddressOf(host._front);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Terminate();
        await Task.WhenAny(_worker.Exited, Task.Delay(TimeSpan.FromSeconds(3)));
        _worker.Dispose();
        if (_front is not null)
        {
            await _front.DisposeAsync();
        }

        _proxy?.Dispose();

        await _rpcServer.DisposeAsync();
    }

    private static async Task<WebApplication> StartRpcServerAsync(WorkerChannel channel)
    {
        // The worker dials back over plain HTTP/2 (h2c), so this listener speaks HTTP/2 only.
        var builder = CreateBuilder(HttpProtocols.Http2);
        builder.Services.AddGrpc(grpc => grpc.MaxReceiveMessageSize = null);
        builder.Services.AddSingleton(channel);
        var app = builder.Build();
        app.MapGrpcService<FunctionRpcService>();
        await app.StartAsync();
        return app;
    }

    private static async Task<WebApplication> StartFrontAsync(RouteTable routes, WorkerChannel channel, WorkerHttpProxy? proxy, FunctionKeys keys,
        OutputTail output)
    {
        var app = CreateBuilder(HttpProtocols.Http1).Build();
        app.Run(async context =>
        {
            var request = context.Request;
            if (routes.Resolve(request.Method, request.Path.Value ?? "/") is not { } match)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            var (authorized, identity) = keys.Authorize(match.Function, request);
            if (!authorized)
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }

            try
            {
                var invocation = await HttpInvocation.CreateAsync(request, match, identity, withBody: proxy is null);
                if (proxy is null)
                {
                    await HttpInvocation.WriteAsync(await channel.InvokeAsync(invocation, context.RequestAborted), context.Response);
                    return;
                }

                // As the host does: the invocation over gRPC and the request to the worker's HTTP server at once.
                var invoked = channel.InvokeAsync(invocation, context.RequestAborted);
                using var answer = await proxy.SendAsync(request, invocation.InvocationId);
                HttpInvocation.EnsureSucceeded(await invoked);
                await WorkerHttpProxy.WriteAsync(answer, context.Response);
            }
            catch (Exception exception) when (exception is InvalidOperationException or IOException or TimeoutException or HttpRequestException)
            {
                // The host answers 500 when the invocation fails; the reason goes to the diagnostics tail.
                output.Add($"[host] {request.Method} {request.Path}: {exception.Message}");
                context.Response.Clear();
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            }
        });
        await app.StartAsync();
        return app;
    }

    private static WebApplicationBuilder CreateBuilder(HttpProtocols protocols)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = protocols);
        });
        return builder;
    }

    private static Uri AddressOf(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single() + "/");
}
