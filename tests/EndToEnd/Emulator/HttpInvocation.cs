using System.Diagnostics;
using CorsFunctions.EndToEnd.Emulator.Rpc;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;

namespace CorsFunctions.EndToEnd.Emulator;

/// <summary>Translates between an HTTP exchange and the worker's invocation messages, as the host does for HTTP triggers.</summary>
internal static class HttpInvocation
{
    // Framing headers belong to the connection Kestrel writes, not to the function's response.
    private static readonly HashSet<string> ConnectionHeaders = new(StringComparer.OrdinalIgnoreCase) { "Content-Length", "Transfer-Encoding", "Connection" };

    /// <summary>
    /// The invocation for <paramref name="request"/>: <c>RpcHttp</c> with method, absolute URL, headers and, unless the
    /// request itself is forwarded to the worker's HTTP server (<paramref name="withBody"/> false), the body bytes.
    /// </summary>
    /// <remarks>
    /// A valid key's identity travels in <c>identities</c>, as the host sends its ClaimsPrincipal (never as a header); only
    /// when the request is not forwarded: for a worker with the ASP.NET Core integration the host sends an empty
    /// <c>RpcHttp</c> (<c>GrpcMessageConversionExtensions.ToRpcHttp</c>), so no identity reaches it.
    /// </remarks>
    public static async Task<InvocationRequest> CreateAsync(HttpRequest request, RouteMatch match, KeyIdentity? key, bool withBody)
    {
        var http = new RpcHttp { Method = request.Method, Url = request.GetEncodedUrl() };
        if (withBody)
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body, request.HttpContext.RequestAborted);
            http.Body = new TypedData { Bytes = ByteString.CopyFrom(body.GetBuffer(), 0, (int)body.Length) };
        }

        foreach (var (name, values) in request.Headers)
        {
            // Repeated header lines reach the worker as one comma-joined value, as with the real host.
            http.NullableHeaders[name] = new NullableString { Value = values.ToString() };
        }

        if (key is not null && withBody)
        {
            http.Identities.Add(new RpcClaimsIdentity
            {
                AuthenticationType = new NullableString { Value = FunctionKeys.AuthenticationType },
                NameClaimType = new NullableString { Value = System.Security.Claims.ClaimTypes.Name },
                RoleClaimType = new NullableString { Value = System.Security.Claims.ClaimTypes.Role },
                Claims =
                {
                    new RpcClaim { Type = FunctionKeys.AuthLevelClaim, Value = key.Level.ToString() },
                    new RpcClaim { Type = FunctionKeys.KeyNameClaim, Value = key.Name },
                },
            });
        }

        var invocation = new InvocationRequest
        {
            InvocationId = Guid.NewGuid().ToString(),
            FunctionId = match.Function.Id,
            TraceContext = new RpcTraceContext { TraceParent = $"00-{ActivityTraceId.CreateRandom()}-{ActivitySpanId.CreateRandom()}-00" },
        };
        foreach (var (name, value) in match.RouteValues)
        {
            http.NullableParams[name] = new NullableString { Value = value };
            invocation.TriggerMetadata[name] = new TypedData { String = value };
        }

        invocation.InputData.Add(new ParameterBinding { Name = match.Function.TriggerParameter, Data = new TypedData { Http = http } });
        return invocation;
    }

    /// <summary>Throws (the host then answers 500) unless the invocation succeeded.</summary>
    public static void EnsureSucceeded(InvocationResponse invocation)
    {
        if (invocation.Result?.Status != StatusResult.Types.Status.Success)
        {
            throw new InvalidOperationException($"The invocation failed: {invocation.Result?.Exception?.Message}{Environment.NewLine}{invocation.Result?.Exception?.StackTrace}");
        }
    }

    /// <summary>Writes the function's HTTP result (status, every header, body) to <paramref name="response"/>.</summary>
    public static async Task WriteAsync(InvocationResponse invocation, HttpResponse response)
    {
        EnsureSucceeded(invocation);
        var http = FindHttpResult(invocation)
            ?? throw new InvalidOperationException("The invocation succeeded without an HTTP result.");
        response.StatusCode = http.StatusCode.Length == 0 ? StatusCodes.Status200OK : int.Parse(http.StatusCode, System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (name, value) in http.Headers)
        {
            if (!ConnectionHeaders.Contains(name))
            {
                response.Headers.Append(name, value);
            }
        }

        var body = http.Body?.DataCase switch
        {
            TypedData.DataOneofCase.Bytes => http.Body.Bytes.Memory,
            TypedData.DataOneofCase.String => System.Text.Encoding.UTF8.GetBytes(http.Body.String),
            TypedData.DataOneofCase.Json => System.Text.Encoding.UTF8.GetBytes(http.Body.Json),
            _ => ReadOnlyMemory<byte>.Empty,
        };
        if (!body.IsEmpty)
        {
            await response.Body.WriteAsync(body, response.HttpContext.RequestAborted);
        }
    }

    // A function returning HttpResponseData answers in return_value; with several outputs, in the HTTP output binding.
    private static RpcHttp? FindHttpResult(InvocationResponse invocation) =>
        invocation.ReturnValue?.Http
        ?? invocation.OutputData.Select(binding => binding.Data?.Http).FirstOrDefault(http => http is not null);
}
