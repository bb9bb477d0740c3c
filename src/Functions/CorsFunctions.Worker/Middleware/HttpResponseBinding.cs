using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace CorsFunctions.Worker.Middleware;

/// <summary>Where a middleware puts the HTTP response it answers with instead of the function.</summary>
internal static class HttpResponseBinding
{
    private const string HttpBindingType = "http";
    private const string ReturnBindingName = "$return";

    /// <summary>
    /// Makes <paramref name="response"/> the invocation's HTTP response: the HTTP output binding when the
    /// function has several outputs (its return value is then a POCO), else the invocation result.
    /// </summary>
    public static void Set(FunctionContext context, HttpResponseData response)
    {
        var httpOutput = context.GetOutputBindings<HttpResponseData>()
            .FirstOrDefault(binding => string.Equals(binding.BindingType, HttpBindingType, StringComparison.OrdinalIgnoreCase)
                && binding.Name != ReturnBindingName);
        if (httpOutput is not null)
        {
            httpOutput.Value = response;
        }
        else
        {
            context.GetInvocationResult().Value = response;
        }
    }
}
