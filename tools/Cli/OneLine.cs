namespace CorsFunctions.Cli;

/// <summary>A message fit for the one line a failure gets on standard error.</summary>
internal static class OneLine
{
    /// <summary>The first line of <paramref name="message"/>, trimmed (exception messages often go on with details).</summary>
    public static string Of(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Split('\n', 2)[0].Trim();
    }
}
