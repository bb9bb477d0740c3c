using Azure.Core;

namespace CorsFunctions.Functions.Tests.TestSupport;

/// <summary>What a request of a table client does, for pipeline policies that act on cue.</summary>
internal static class TableRequests
{
    /// <summary>Whether <paramref name="request"/> writes an entity (PUT, MERGE, PATCH, DELETE, or a POST that is not a table creation).</summary>
    public static bool IsEntityWrite(Request request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var method = request.Method;
        return method == RequestMethod.Put || method == RequestMethod.Delete || method.Method == "MERGE" || method == RequestMethod.Patch
            || (method == RequestMethod.Post && !request.Uri.Path.EndsWith("/Tables", StringComparison.Ordinal));
    }
}
