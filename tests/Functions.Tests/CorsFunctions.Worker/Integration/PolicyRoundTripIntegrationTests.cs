using CorsFunctions.Functions.Tests.Policies;
using CorsFunctions.Worker;
using CorsFunctions.Worker.Policies;
using CsCheck;
using Microsoft.Extensions.Options;

namespace CorsFunctions.Functions.Tests.Integration;

/// <summary>
/// The round trip through the real service: generated definitions the write pipeline accepts, written to Azurite by
/// the store and read back, are equal field by field (types and text exactly as Table Storage keeps them).
/// </summary>
[Collection(AzuriteTests.Name)]
[Trait(AzuriteTests.Category, AzuriteTests.Name)]
public sealed class PolicyRoundTripIntegrationTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task An_accepted_definition_reads_back_from_table_storage_equal_field_by_field()
    {
        var table = await azurite.CreateTableAsync();
        var store = new TablePolicyStore(table, Options.Create(new CorsPolicyOptions { TableName = table.Name }));
        var written = 0;

        await PolicyDefinitionGen.Definition.Where(d => PolicyWritePipeline.Validate(d).Count == 0).SampleAsync(async definition =>
        {
            var id = $"p{Interlocked.Increment(ref written)}";
            var result = await store.SaveAsync(definition with { Id = id }, 1, WriteCondition.None, CancellationToken.None);
            var read = await store.GetAsync(id, CancellationToken.None);

            Assert.Equal(WriteOutcome.Done, result.Outcome);
            Assert.Empty(read!.ReadErrors);
            Assert.Empty(PolicyDefinitionFields.Differences(definition with { Id = id }, read.Definition));
        }, iter: 300, threads: 1);

        Assert.Equal(300, written);
    }
}
