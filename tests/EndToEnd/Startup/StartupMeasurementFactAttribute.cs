namespace CorsFunctions.EndToEnd.Startup;

/// <summary>
/// A measurement, not a check: it runs only when <c>scripts/measure-startup.sh</c> sets
/// <see cref="SizesVariable"/> (minutes of seeding and idling per size are too slow for the normal run).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class StartupMeasurementFactAttribute : FactAttribute
{
    public const string SizesVariable = "CORS_MEASURE_STARTUP_SIZES";

    public StartupMeasurementFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(SizesVariable)))
        {
            Skip = $"a measurement: run scripts/measure-startup.sh (sets {SizesVariable})";
        }
    }
}
