namespace CorsFunctions.Cli;

/// <summary>What each exit code of <c>corsfunctions</c> means; scripts act on these.</summary>
internal static class ExitCodes
{
    /// <summary>Done: valid, no difference, allowed, written.</summary>
    public const int Success = 0;

    /// <summary>The answer is no: invalid policies (nothing written), differences found, a refused request.</summary>
    public const int Refused = 1;

    /// <summary>Bad usage or input: unknown option, unreadable or malformed file, unknown field, wrong type.</summary>
    public const int BadInput = 2;

    /// <summary>The table could not be used: unreachable, forbidden, missing, throttled.</summary>
    public const int StoreFailed = 3;

    /// <summary>A row changed since it was read (ETag): nothing more was written.</summary>
    public const int Conflict = 4;

    /// <summary>
    /// A bug: the tool failed in a way it does not know (one line on standard error, the stack trace with
    /// <c>--verbose</c>). Its own code, never 1, so that a CI gate never reads a crash as "invalid" or "differences".
    /// </summary>
    public const int InternalError = 5;

    /// <summary>The audit chain of a policy does not verify: history shows where; rollback restored nothing.</summary>
    public const int AuditUnverified = 6;

    /// <summary>Interrupted (Ctrl+C, SIGTERM), as shells report a SIGINT: the writes reported before it stand and are recorded.</summary>
    public const int Cancelled = 130;
}
