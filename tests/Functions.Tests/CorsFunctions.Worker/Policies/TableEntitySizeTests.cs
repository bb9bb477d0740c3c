using Azure.Data.Tables;
using CorsFunctions.Functions.Tests.TestSupport;
using CorsFunctions.Worker.Policies;
using CorsFunctions.Worker.Policies.Audit;
using CorsFunctions.Core.Policies;
using CorsFunctions.Core.Routing;

namespace CorsFunctions.Functions.Tests.Policies;

public class TableEntitySizeTests
{
    [Fact]
    public void Size_counts_keys_names_and_values_as_the_service_does()
    {
        var entity = new TableEntity("pk", "rk") { ["S"] = "abc", ["I"] = 1, ["B"] = true, ["L"] = 2L, ["D"] = DateTimeOffset.UnixEpoch, ["N"] = null };

        // 4 + (2 + 2) * 2; S: 8 + 2 + 4 + 6; I: 8 + 2 + 4; B: 8 + 2 + 1; L and D: 8 + 2 + 8 each; a null is not stored.
        Assert.Equal(12 + 20 + 14 + 11 + 18 + 18, TableEntitySize.Of(entity));
    }

    [Fact]
    public void A_write_whose_audit_entry_would_outgrow_an_entity_is_refused_with_the_size()
    {
        // A row edited by hand can hold far more than a valid definition; its audit entry holds it as "before".
        var before = TestPolicies.Items() with { Description = new string('x', 600_000) };

        var error = Assert.Single(PolicyRowLimits.CheckEntitySizes(TestPolicies.Items(), before, ManagementHarness.Admin));

        Assert.Equal(PolicyErrorCodes.StoredTooLarge, error.Code);
        Assert.Contains("audit entry", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_largest_valid_definition_fits_its_row_and_its_audit_entry()
    {
        // Every list at the 32K characters a property holds, each entry as long as allowed, a description at its limit.
        static string[] Fill(string entry) => [.. Enumerable.Repeat(entry, PolicyRowLimits.MaxStringLength / (entry.Length + 2))];
        var largest = TestPolicies.Items() with
        {
            Routes = Fill("/" + new string('"', RoutePattern.MaxLength - 1)),
            AllowedHeaders = Fill("X-" + new string('a', PolicyCompiler.MaxEntryLength - 2)),
            ExposedHeaders = Fill("X-" + new string('a', PolicyCompiler.MaxEntryLength - 2)),
            AllowedMethods = Fill(new string('M', PolicyCompiler.MaxEntryLength)),
            Description = new string('\u00e9', PolicyCompiler.MaxDescriptionLength),
        };
        Assert.Empty(PolicyRowLimits.Check(largest));

        Assert.Empty(PolicyRowLimits.CheckEntitySizes(largest, largest, ManagementHarness.Admin));
    }
}
