using CorsFunctions.Core.Evaluation;

namespace CorsFunctions.Core.Tests.Support;

/// <summary>Records what a decision writes: the headers it sets and the names it appends to <c>Vary</c>.</summary>
internal sealed class RecordingSink : ICorsHeaderSink
{
    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public List<string> VaryAppends { get; } = [];

    public void SetHeader(string name, string value)
    {
        // Vary must be appended to, never replaced (Fetch rule 19).
        Assert.False(string.Equals(CorsHeaderNames.Vary, name, StringComparison.OrdinalIgnoreCase), "Vary was set, not appended to.");
        Headers[name] = value;
    }

    public void AppendVary(string value) => VaryAppends.Add(value);

    public static RecordingSink Of(PreflightResult result)
    {
        var sink = new RecordingSink();
        result.WriteTo(ref sink);
        return sink;
    }

    public static RecordingSink Of(ActualRequestResult result)
    {
        var sink = new RecordingSink();
        result.WriteTo(ref sink);
        return sink;
    }
}
