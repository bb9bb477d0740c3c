using Azure;
using Azure.Identity;

namespace CorsFunctions.Cli;

/// <summary>Turns a failed table call into a message that says what to do (exit 3), or null for an exception that is a bug.</summary>
internal static class StoreErrors
{
    /// <summary>Whether the table itself does not exist.</summary>
    public static bool IsTableMissing(RequestFailedException exception) =>
        exception is { Status: 404, ErrorCode: "TableNotFound" or "ResourceNotFound" };

    /// <summary>The message for <paramref name="exception"/> on <paramref name="where"/>, or null when it is not a store failure.</summary>
    public static string? Describe(Exception exception, string where) => exception switch
    {
        RequestFailedException { Status: 403 } =>
            $"{where}: storage refused this identity (403). Reading needs the role Storage Table Data Reader on the table, writing Storage Table Data Contributor " +
            "(README: Grant an operator write access); with a connection string, check its key or SAS.",
        RequestFailedException e when IsTableMissing(e) => $"{where}: the table does not exist in this account (a first push creates it).",
        RequestFailedException { Status: 0 } e => $"{where}: the table service cannot be reached: {FirstLine(e.Message)}",
        RequestFailedException { Status: 408 or 429 or 500 or 502 or 503 or 504 } e =>
            $"{where}: the table service is busy or timed out ({e.Status}); nothing more was written, try again in a few seconds.",
        RequestFailedException e => $"{where}: the table service answered {e.Status} {e.ErrorCode}: {FirstLine(e.Message)}",
        AuthenticationFailedException or CredentialUnavailableException =>
            $"{where}: no Azure credential: {FirstLine(exception.Message)} Sign in (az login) or use --connection-string.",
        AggregateException { InnerExceptions: [var inner] } => Describe(inner, where),
        _ => null,
    };

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
