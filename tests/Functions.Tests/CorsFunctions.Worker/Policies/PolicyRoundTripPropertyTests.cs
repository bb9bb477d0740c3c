using CorsFunctions.Core.Policies;
using CorsFunctions.Worker.Policies;
using CsCheck;

namespace CorsFunctions.Functions.Tests.Policies;

/// <summary>
/// The invariant behind every review: a definition that validates is stored as a row that reads back to that very
/// definition, field by field, through the real <see cref="PolicyEntityMapper"/>, so what was validated is what the
/// snapshot enforces. Checked over generated definitions (CsCheck; a failure prints the seed that replays it).
/// </summary>
public class PolicyRoundTripPropertyTests
{
    private const int Iterations = 20_000;

    private static CorsPolicyDefinition ReadBack(CorsPolicyDefinition definition)
    {
        var stored = PolicyEntityMapper.Read(PolicyEntityMapper.ToEntity("default", definition, existing: null, auditVersion: 3));
        Assert.Empty(stored.ReadErrors);
        return stored.Definition;
    }

    [Fact]
    public void A_definition_the_write_pipeline_accepts_reads_back_equal_field_by_field()
    {
        var accepted = 0;
        PolicyDefinitionGen.Definition.Sample(definition =>
        {
            if (PolicyWritePipeline.Validate(definition).Count == 0)
            {
                Interlocked.Increment(ref accepted);
                Assert.Empty(PolicyDefinitionFields.Differences(definition, ReadBack(definition)));
            }
        }, iter: Iterations);

        // The generator must reach the accepted side often enough for the property to mean something.
        Assert.InRange(accepted, Iterations / 20, Iterations);
    }

    [Fact]
    public void Core_validation_alone_excludes_every_entry_a_stored_row_cannot_keep() =>
        // The pipeline's round-trip check stands behind Core's rules; it must never be what refuses a definition Core accepts.
        PolicyDefinitionGen.Definition.Sample(definition =>
        {
            if (PolicyCompiler.Compile(definition).Succeeded && PolicyRowLimits.Check(definition).Count == 0)
            {
                Assert.Empty(PolicyDefinitionFields.Differences(definition, ReadBack(definition)));
            }
        }, iter: Iterations);

    [Fact]
    public void What_is_enforced_after_the_round_trip_is_what_was_validated() =>
        PolicyDefinitionGen.Definition.Sample(definition =>
        {
            var validated = PolicyCompiler.Compile(definition);
            if (validated.Succeeded && PolicyWritePipeline.Validate(definition).Count == 0)
            {
                var enforced = PolicyCompiler.Compile(ReadBack(definition));
                Assert.True(enforced.Succeeded);
                Assert.Equal(validated.Routes.Select(r => r.Text), enforced.Routes.Select(r => r.Text));
                Assert.All(definition.AllowedOrigins, origin => Assert.Equal(validated.Policy!.EvaluateActualRequest(origin).IsAllowed,
                    enforced.Policy!.EvaluateActualRequest(origin).IsAllowed));
            }
        }, iter: Iterations);

    [Fact]
    public void A_definition_that_would_not_read_back_equal_is_refused_with_the_field_named()
    {
        // Core refuses it too (route.invalid_character); the round trip check on its own names the field that changes.
        var errors = PolicyRoundTrip.Check(new CorsPolicyDefinition { Id = "items", Routes = ["/api/items,/**"], AllowedOrigins = ["https://a.example.com"] });

        var error = Assert.Single(errors);
        Assert.Equal((PolicyErrorCodes.StoredRoundTrip, nameof(CorsPolicyDefinition.Routes)), (error.Code, error.Field));
        Assert.Contains("/api/items | /**", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_pipeline_reports_a_separator_in_a_route_once_with_cores_code()
    {
        var errors = PolicyWritePipeline.Validate(new CorsPolicyDefinition { Id = "items", Routes = ["/api/items,/**"], AllowedOrigins = ["https://a.example.com"] });

        Assert.Equal([PolicyErrorCodes.RouteInvalidCharacter], errors.Select(e => e.Code));
    }
}
