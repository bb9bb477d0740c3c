namespace CorsFunctions.Cli;

/// <summary>Writes a command's result to a file; a file that cannot be written is a usage error (exit 2), never a crash.</summary>
internal static class OutputFiles
{
    public static async Task WriteAsync(FileInfo file, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        try
        {
            await File.WriteAllTextAsync(file.FullName, text + Environment.NewLine, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"{file.FullName}: cannot be written: {e.Message}");
        }
    }
}
