namespace SmartPick.Web.Charts;

/// <summary>
/// Serves the engine's calibration plot (expected against observed interviews by decile, docs/calibration.svg,
/// embedded at build) at <see cref="Path"/>, so the list pages can show how the chances were checked.
/// </summary>
public static class CalibrationPlotEndpoint
{
    public const string Path = "/about/calibration.svg";

    private static readonly Lazy<byte[]> Svg = new(() =>
    {
        using var stream = typeof(CalibrationPlotEndpoint).Assembly.GetManifestResourceStream("calibration.svg")
            ?? throw new InvalidOperationException("The calibration plot is not embedded in the web assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    public static IEndpointRouteBuilder MapCalibrationPlot(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, () => Results.File(Svg.Value, "image/svg+xml")).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
