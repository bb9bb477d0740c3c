namespace CorsFunctions.Worker.Management.Http;

/// <summary>Reads a management request's JSON body with the rules of <see cref="ManagementJson.Read{T}"/>, bounded in size.</summary>
internal static class ManagementBody
{
    /// <summary>The largest request body read (a policy with thousands of origins still fits).</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>
    /// Reads a JSON body of at most <see cref="MaxBodyBytes"/>; a malformed, oversized or empty body yields
    /// a problem (a 400 answer, with every error of <see cref="ManagementJson.Read{T}"/>) instead of an exception.
    /// </summary>
    public static async Task<(T? Value, ManagementResult? Problem)> ReadAsync<T>(Stream body, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(body);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return (null, ManagementProblems.BodyTooLarge(MaxBodyBytes));
            }

            buffer.Write(chunk, 0, read);
        }

        var (value, errors) = ManagementJson.Read<T>(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
        return errors.Count > 0 ? (null, ManagementProblems.MalformedJson(errors)) : (value, null);
    }
}
