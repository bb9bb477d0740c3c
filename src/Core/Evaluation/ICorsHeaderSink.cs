namespace CorsFunctions.Core.Evaluation;

/// <summary>
/// Where a decision writes its response headers. Implement it as a struct over the host's header
/// collection: <c>WriteTo</c> is generic over it, so writing allocates nothing in Core.
/// </summary>
public interface ICorsHeaderSink
{
    /// <summary>Sets <paramref name="name"/> to <paramref name="value"/>, replacing any earlier value.</summary>
    void SetHeader(string name, string value);

    /// <summary>Adds the names in <paramref name="value"/> to <c>Vary</c>, keeping what is already there.</summary>
    void AppendVary(string value);
}
