namespace CorsFunctions.Worker.Policies.Audit;

/// <summary>
/// Verifies a policy's audit rows as a chain: versions 1 to N without a gap; each row's content matching its own
/// hash; each chained row naming, as its previous hash, the hash of the version before as that row reads now; and no
/// unchained row after a chained one. What a verified chain proves and does not prove: docs/integrity.md.
/// </summary>
internal static class PolicyAuditChain
{
    /// <summary>
    /// The verified history of <paramref name="policyId"/> from its <paramref name="rows"/>, in any order.
    /// <paramref name="rowVersion"/> is the audit version the policy row says it was last written as (0 when unknown):
    /// a log that ends before it lost its last entries.
    /// </summary>
    public static PolicyAuditHistory Verify(string policyId, IEnumerable<AuditRow> rows, int rowVersion)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var all = rows.ToList();
        var versioned = all.Where(r => r.Version is not null).OrderBy(r => r.Version).ToList();
        var problems = new List<AuditProblem>();
        var unrecorded = new List<int>();
        AuditRow? previous = null;
        int? chainedFrom = null;
        var expected = 1;
        foreach (var row in versioned)
        {
            var version = row.Version!.Value;
            for (; expected < version; expected++)
            {
                problems.Add(Missing(expected));
            }

            expected = version + 1;
            problems.AddRange(row.Problems);
            if (row.Entry is { } entry)
            {
                CheckLinks(row, entry, previous?.Version == version - 1 ? previous : null, chainedFrom is not null, problems);
                chainedFrom ??= entry.Hash is null ? null : version;
                if (previous?.Entry is { } before && previous.Version == version - 1 && before.AfterETag != entry.BeforeETag)
                {
                    unrecorded.Add(version);
                }
            }

            previous = row;
        }

        for (; expected <= rowVersion; expected++)
        {
            problems.Add(new AuditProblem(expected, null, $"is missing: the policy row says it was last written as version {rowVersion}, but the log ends before it."));
        }

        problems.AddRange(all.Where(r => r.Version is null).SelectMany(r => r.Problems));
        return new PolicyAuditHistory(policyId, [.. versioned.Select(r => r.Entry).OfType<PolicyAuditEntry>()], problems, chainedFrom, unrecorded);
    }

    private static void CheckLinks(AuditRow row, PolicyAuditEntry entry, AuditRow? previous, bool chainStarted, List<AuditProblem> problems)
    {
        if (entry.Hash is null)
        {
            if (chainStarted)
            {
                problems.Add(Problem(row, "has no hash although an earlier version is chained: it was written outside the write pipeline, or its hash was removed."));
            }

            return;
        }

        if (!string.Equals(entry.Hash, row.ComputedHash, StringComparison.Ordinal))
        {
            problems.Add(Problem(row, "does not match its own hash: the row was changed after it was written."));
        }

        if (entry.Version == 1 && entry.PreviousHash is not null)
        {
            problems.Add(Problem(row, "is version 1 but names a previous hash."));
        }
        else if (previous?.ComputedHash is { } previousHash && !string.Equals(entry.PreviousHash, previousHash, StringComparison.Ordinal))
        {
            problems.Add(Problem(row, $"does not chain to version {entry.Version - 1}: its previous hash is not the hash of version {entry.Version - 1} as that row reads now (one of the two was changed)."));
        }
    }

    private static AuditProblem Missing(int version) =>
        new(version, null, "is missing: no row holds this version (the row was deleted, or the write's audit entry was never recorded: see log event 2011).");

    private static AuditProblem Problem(AuditRow row, string message) => new(row.Version, row.RowKey, message);
}
