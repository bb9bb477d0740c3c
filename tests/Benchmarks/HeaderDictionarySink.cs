using CorsFunctions.Core;
using CorsFunctions.Core.Evaluation;
using Microsoft.AspNetCore.Http;

namespace CorsFunctions.Benchmarks;

/// <summary>
/// Writes Core's decisions into an ASP.NET Core header collection, the way a host adapter would.
/// A struct, so <c>WriteTo&lt;TSink&gt;</c> is specialised for it and writing allocates nothing.
/// </summary>
public readonly struct HeaderDictionarySink(IHeaderDictionary headers) : ICorsHeaderSink
{
    public void SetHeader(string name, string value) => headers[name] = value;

    // Append keeps an existing Vary as a separate value; with none it stores the constant as is.
    public void AppendVary(string value) => headers.Append(CorsHeaderNames.Vary, value);
}
