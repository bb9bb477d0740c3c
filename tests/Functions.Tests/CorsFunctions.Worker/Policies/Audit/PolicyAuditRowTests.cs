using Azure.Data.Tables;
using CorsFunctions.Functions.Tests.TestSupport;
using CorsFunctions.Worker.Policies.Audit;

namespace CorsFunctions.Functions.Tests.Policies.Audit;

/// <summary>An audit row reads back exactly, or with every problem named: never with a plausible default.</summary>
public sealed class PolicyAuditRowTests
{
    private static readonly PolicyWriter Writer = new(PolicyWriterKinds.Principal, "alice@contoso.com", "oid-1", PolicyWriter.ApiSource, "aad", "tid-1");

    private static TableEntity Row(PolicyAuditAction action = PolicyAuditAction.Put, int? restored = null) =>
        PolicyAuditRow.ToEntity("default", new PolicyAuditEntry("items", 4, action, new DateTimeOffset(2026, 12, 4, 1, 2, 3, 456, TimeSpan.Zero), Writer,
            TestPolicies.Items() with { Description = "before" }, action == PolicyAuditAction.Delete ? null : TestPolicies.Items(), "W/\"3\"",
            action == PolicyAuditAction.Delete ? null : "W/\"4\"", restored, PreviousHash: new string('a', 64))).Entity;

    private static AuditRow Read(TableEntity row) => PolicyAuditRow.Read("default", "items", row);

    [Fact]
    public void A_row_reads_back_as_the_entry_written_with_a_hash_that_verifies()
    {
        var row = Read(Row());

        Assert.Empty(row.Problems);
        Assert.Equal(4, row.Entry!.Version);
        Assert.Equal(Writer, row.Entry.Writer);
        Assert.Equal(new DateTimeOffset(2026, 12, 4, 1, 2, 3, 456, TimeSpan.Zero), row.Entry.At);
        Assert.Equal("before", row.Entry.Before!.Description);
        Assert.Equal(row.ComputedHash, row.Entry.Hash);
    }

    [Fact]
    public void An_entry_written_before_debug_mode_existed_reads_with_debug_off_and_its_hash_still_verifies()
    {
        var entity = Row();
        var withDebug = (string)entity["After"];
        Assert.Contains("\"debug\":false,", withDebug, StringComparison.Ordinal);
        entity["After"] = withDebug.Replace("\"debug\":false,", "", StringComparison.Ordinal);

        entity["Hash"] = Read(entity).ComputedHash; // as its writer stored it: the hash covers the text as written

        var row = Read(entity);

        Assert.Empty(row.Problems);
        Assert.False(row.Entry!.After!.Debug);
        Assert.Equal(row.ComputedHash, row.Entry.Hash);
    }

    [Theory]
    [InlineData("Version", "Version is missing.")]
    [InlineData("Action", "Action is missing.")]
    [InlineData("At", "At is missing.")]
    [InlineData("WriterKind", "WriterKind is missing.")]
    [InlineData("WriterName", "WriterName is missing.")]
    [InlineData("Source", "Source is missing.")]
    [InlineData("PolicyId", "PolicyId is missing.")]
    [InlineData("After", "is a Put but holds no definition After.")]
    public void A_missing_field_is_a_problem_not_a_default(string field, string message)
    {
        var entity = Row();
        entity.Remove(field);

        var row = Read(entity);

        Assert.Null(row.Entry);
        Assert.Contains(row.Problems, p => p.Version == 4 && p.Message.Contains(message, StringComparison.Ordinal));
    }

    public static TheoryData<string, object, string> WrongValues => new()
    {
        { "Version", "4", "Version holds String '4' instead of an Int32." },
        { "Version", 5, "Version holds 5, but the row key says 4." },
        { "Action", "Upsert", "Action holds 'Upsert', which is none of Put, Delete, Rollback." },
        { "At", "yesterday", "At holds String 'yesterday' instead of a DateTime." },
        { "WriterName", 7, "WriterName holds Int32 '7' instead of a String." },
        { "PolicyId", "orders", "PolicyId holds 'orders', not 'items'." },
        { "After", "{ not json", "After is not a policy definition in JSON" },
        { "After", "null", "After holds JSON null instead of a policy definition." },
        { "HashFormat", 2, "has a Hash in format 2; this version reads format 1." },
    };

    [Theory]
    [MemberData(nameof(WrongValues))]
    public void A_field_of_the_wrong_type_or_value_is_a_problem(string field, object value, string message)
    {
        var entity = Row();
        entity[field] = value;

        var row = Read(entity);

        Assert.Null(row.Entry);
        Assert.Contains(row.Problems, p => p.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_gap_in_a_split_definition_is_a_problem()
    {
        var entity = Row();
        var json = (string)entity["After"];
        entity["After"] = json[..10];
        entity["After_2"] = json[10..];

        var row = Read(entity);

        Assert.Contains(row.Problems, p => p.Message.Contains("After is split over 2 properties but After_1 is missing", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Rollback", null, "is a Rollback but names no RestoredVersion.")]
    [InlineData("Put", 2, "is a Put but names a RestoredVersion.")]
    public void The_restored_version_must_match_the_action(string action, int? restored, string message)
    {
        var row = Read(Row(Enum.Parse<PolicyAuditAction>(action), restored));

        Assert.Contains(row.Problems, p => p.Message == message);
    }

    [Fact]
    public void A_delete_holds_the_definition_before_and_none_after()
    {
        var sound = Read(Row(PolicyAuditAction.Delete));
        var entity = Row(PolicyAuditAction.Delete);
        entity["After"] = (string)Row()["After"];

        Assert.Empty(sound.Problems);
        Assert.Contains(Read(entity).Problems, p => p.Message == "is a Delete but holds a definition After.");
    }

    [Theory]
    [InlineData("notes")]
    [InlineData("000000000x")]
    [InlineData("0000000000")]
    [InlineData("12345")]
    public void A_row_whose_key_is_no_version_is_a_foreign_row(string rowKey)
    {
        var row = Read(new TableEntity("default~items", rowKey));

        Assert.Null(row.Version);
        Assert.Contains("is not an audit entry", Assert.Single(row.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Characters_the_default_encoder_escapes_are_stored_as_one_character_each()
    {
        var entity = PolicyAuditRow.ToEntity("default", new PolicyAuditEntry("items", 1, PolicyAuditAction.Put, DateTimeOffset.UnixEpoch, Writer, null,
            TestPolicies.Items() with { Description = "<a href='x'>+&\u00e9</a>" }, null, "W/\"1\"")).Entity;

        Assert.Contains("<a href='x'>+&\u00e9</a>", (string)entity["After"], StringComparison.Ordinal);
    }
}
