using System.Text.Json;
using JasperFx.CommandLine;
using SmartPick.Matching.Outcomes;
using SmartPick.Matching.Parameters;

namespace SmartPick.Web.Commands;

/// <summary>Arguments of <c>evaluate --outcomes FILE.csv --catalog FILE.csv</c>.</summary>
public sealed class EvaluateInput
{
    [Description("Applicant outcomes CSV (scores, YOG, USCE months, visa, applications, interviews)")]
    [FlagAlias("outcomes", 'o')]
    public string OutcomesFlag { get; set; } = "";

    [Description("The program catalog (tracking sheet CSV)")]
    [FlagAlias("catalog", 'c')]
    public string CatalogFlag { get; set; } = "";
}

/// <summary>
/// Scores the interview model on real outcomes: one JSON line per applicant (expected vs actual interviews),
/// then, as the last line, one JSON object with n, spearman, mae, mean_signed_error and naive_mae.
/// </summary>
[Description("Evaluate the interview model against applicant outcomes (prints JSON)", Name = "evaluate")]
public sealed class EvaluateCommand : JasperFxAsyncCommand<EvaluateInput>
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public override async Task<bool> Execute(EvaluateInput input)
    {
        if (input.OutcomesFlag.Length == 0) return await CommandOutput.Fail("--outcomes FILE.csv is required.");
        if (!File.Exists(input.OutcomesFlag)) return await CommandOutput.Fail($"--outcomes: file not found: {input.OutcomesFlag}");
        var catalog = await CommandOutput.ReadCatalog(input.CatalogFlag);
        if (catalog is null) return false;

        OutcomesReadResult outcomes;
        using (var reader = new StreamReader(input.OutcomesFlag)) outcomes = OutcomesCsv.Read(reader);
        if (outcomes.Errors.Count > 0)
            return await CommandOutput.Fail(string.Join(Environment.NewLine, outcomes.Errors.Select(e => $"{input.OutcomesFlag}: {e}")));
        if (outcomes.Applicants.Count == 0) return await CommandOutput.Fail($"{input.OutcomesFlag}: no applicants.");

        var parameters = DefaultParameters.ImgInternalMedicine2025;
        var report = Calibration.Evaluate(outcomes.Applicants, catalog, parameters);
        foreach (var row in report.Rows)
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                row.Row,
                row.Applications,
                row.Actual,
                Expected = Math.Round(row.Expected, 3),
                Naive = Math.Round(row.Naive, 3),
            }, Json));
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            report.N,
            Spearman = Math.Round(report.Spearman, 4),
            Mae = Math.Round(report.Mae, 4),
            MeanSignedError = Math.Round(report.MeanSignedError, 4),
            NaiveMae = Math.Round(report.NaiveMae, 4),
            PooledYield = Math.Round(report.PooledYield, 4),
            Parameters = parameters.Version,
        }, Json));
        return true;
    }
}
