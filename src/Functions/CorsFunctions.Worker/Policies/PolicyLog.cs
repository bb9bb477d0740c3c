using Microsoft.Extensions.Logging;

namespace CorsFunctions.Worker.Policies;

/// <summary>
/// Every log event of the policy store, the snapshot refresher and the write pipeline (event ids 2000-2099; the management
/// API's 2013, 2014 and 2019 are in CorsFunctions.Worker.Management's <c>ManagementLog</c>).
/// </summary>
internal static partial class PolicyLog
{
    [LoggerMessage(2000, LogLevel.Information, "Loaded CORS policies from table {Table}, policy set {PolicySet}: {PolicyCount} ({InvalidCount} invalid).")]
    public static partial void SnapshotChanged(ILogger logger, int policyCount, int invalidCount, string table, string policySet);

    [LoggerMessage(2001, LogLevel.Debug, "CORS policies reloaded, unchanged: {PolicyCount} in the snapshot.")]
    public static partial void SnapshotUnchanged(ILogger logger, int policyCount);

    [LoggerMessage(2002, LogLevel.Warning, "Reloading CORS policies failed ({FailureCount} in a row); still serving the snapshot loaded {SnapshotAgeSeconds:F0} s ago.")]
    public static partial void RefreshFailedKeepingSnapshot(ILogger logger, Exception exception, int failureCount, double snapshotAgeSeconds);

    [LoggerMessage(2003, LogLevel.Error, "Loading CORS policies failed ({FailureCount} in a row) and none was ever loaded: every CORS request is refused (NoPolicy) until a load succeeds; next attempt in {RetrySeconds:F0} s.")]
    public static partial void ColdStartFailed(ILogger logger, Exception exception, int failureCount, double retrySeconds);

    [LoggerMessage(2004, LogLevel.Error, "CORS policy {PolicyId} is invalid and refuses every CORS request on its routes ({Routes}): {Field} {Value} {Message}")]
    public static partial void InvalidPolicy(ILogger logger, string policyId, string routes, string field, string? value, string message);

    [LoggerMessage(2005, LogLevel.Error, "CORS policy {PolicyId} is invalid and governs nothing (no readable route): {Field} {Value} {Message}")]
    public static partial void SkippedPolicy(ILogger logger, string policyId, string field, string? value, string message);

    [LoggerMessage(2006, LogLevel.Information, "CORS policy {PolicyId} is no longer invalid.")]
    public static partial void PolicyRepaired(ILogger logger, string policyId);

    [LoggerMessage(2007, LogLevel.Warning, "Route {Route} is named by several CORS policies: {Winner} governs it, {Losers} are ignored there.")]
    public static partial void RouteConflict(ILogger logger, string route, string winner, string losers);

    [LoggerMessage(2010, LogLevel.Information, "CORS policy {PolicyId} changed ({Action}, audit version {Version}, hash {AuditHash}) by {WriterKind} {WriterName} (id {WriterId}, authenticated as {WriterAuthenticationType}, tenant {WriterTenantId}) via {Source}: ETag {BeforeETag} -> {AfterETag}.")]
    public static partial void PolicyChanged(ILogger logger, string policyId, string action, int version, string auditHash, string writerKind, string writerName,
        string writerId, string writerAuthenticationType, string writerTenantId, string source, string beforeETag, string afterETag);

    [LoggerMessage(2011, LogLevel.Error, "CORS policy {PolicyId} was changed ({Action}, audit version {Version}) but the audit log could not be written; the change stands and the history will show the version as missing. The entry: {Entry}")]
    public static partial void AuditFailed(ILogger logger, Exception exception, string policyId, string action, int version, string entry);

    [LoggerMessage(2012, LogLevel.Information, "CORS policy {PolicyId} refused: {ErrorCount} validation errors.")]
    public static partial void PolicyRefused(ILogger logger, string policyId, int errorCount);

    [LoggerMessage(2015, LogLevel.Warning, "The audit partition of CORS policy {PolicyId} in table {Table} holds {Count} rows whose key is not a version; they were skipped (history lists them).")]
    public static partial void AuditForeignRows(ILogger logger, string policyId, int count, string table);

    [LoggerMessage(2016, LogLevel.Warning, "Audit version {Version} of CORS policy {PolicyId} was already taken (a create raced a delete's audit entry); the entry is recorded as version {NextVersion}.")]
    public static partial void AuditVersionTaken(ILogger logger, string policyId, int version, int nextVersion);

    [LoggerMessage(2017, LogLevel.Warning, "Audit version {Version} of CORS policy {PolicyId} does not verify (changed after it was written, or unreadable); version {NextVersion} is chained to it as it reads now.")]
    public static partial void AuditPreviousUnverified(ILogger logger, string policyId, int version, int nextVersion);

    [LoggerMessage(2018, LogLevel.Warning, "Audit version {Version} of CORS policy {PolicyId} did not appear within {WaitSeconds:F0} s; version {NextVersion} is recorded after the gap, which history reports.")]
    public static partial void AuditPreviousMissing(ILogger logger, string policyId, int version, int nextVersion, double waitSeconds);

    [LoggerMessage(2020, LogLevel.Warning, "CORS policy {PolicyId} was changed ({Action}) but the change marker could not be touched; other instances pick the change up at their next full read of the policy set.")]
    public static partial void ChangeMarkerFailed(ILogger logger, Exception exception, string policyId, string action);
}
