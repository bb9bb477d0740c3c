using CorsFunctions.Core.Evaluation;

namespace CorsFunctions.Worker.Middleware;

/// <summary>A header sink over a real response, which can also take back a header written before a failure.</summary>
internal interface IResponseHeaderSink : ICorsHeaderSink
{
    /// <summary>Removes <paramref name="name"/> from the response.</summary>
    void Remove(string name);
}
