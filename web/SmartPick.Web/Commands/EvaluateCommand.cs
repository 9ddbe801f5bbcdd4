using System.Text.Json;
using JasperFx.CommandLine;
using SmartPick.Matching.Outcomes;
using SmartPick.Matching.Parameters;

namespace SmartPick.Web.Commands;

/// <summary>Arguments of <c>evaluate --outcomes FILE.csv --catalog FILE.csv [--evidence FILE.csv] [--parameters FILE.json] [--folds K] [--plot FILE.svg] [--summary FILE.json]</c>.</summary>
public class EvaluateInput
{
    [Description("Applicant outcomes CSV (scores, YOG, USCE months, visa, applications, interviews)")]
    [FlagAlias("outcomes", 'o')]
    public string OutcomesFlag { get; set; } = "";

    [Description("The program catalog (tracking sheet CSV)")]
    [FlagAlias("catalog", 'c')]
    public string CatalogFlag { get; set; } = "";

    [Description("Per-program interview rates to merge into the catalog (evidence CSV)")]
    [FlagAlias("evidence", 'e')]
    public string? EvidenceFlag { get; set; }

    [Description("A parameter set written by calibrate (default: the engine's current set)")]
    [FlagAlias("parameters")]
    public string? ParametersFlag { get; set; }

    [Description("Folds of the cross-validation (default 5, or one per applicant when there are fewer)")]
    [FlagAlias("folds", 'k')]
    public int? FoldsFlag { get; set; }

    /// <summary>The folds to use for <paramref name="applicants"/>: the flag, else 5, never more than the applicants.</summary>
    internal int FoldsFor(int applicants) => FoldsFlag ?? Math.Min(5, applicants);

    [Description("Write the calibration plot (expected vs observed interviews by decile) to this SVG file")]
    [FlagAlias("plot")]
    public string? PlotFlag { get; set; }

    [Description("Also write the summary (the last line, with the input files named) to this JSON file; the methods page shows it")]
    [FlagAlias("summary")]
    public string? SummaryFlag { get; set; }
}

/// <summary>
/// Judges the model at three levels. Applicants: one JSON line per applicant (expected vs actual interviews), then the
/// fitted and k-fold figures against the naive "applications × pooled yield" model. Programs: rank correlation
/// between the p of an average profile and observed rates on evidence held out by k-fold. Population: the mean
/// P(match) of a documented synthetic population against the published match rate. The last line is one JSON object
/// with n, spearman, mae, mean_signed_error (applicant level, on the file given) and the other levels.
/// </summary>
[Description("Evaluate the model against applicant outcomes, program evidence and published match rates (prints JSON)", Name = "evaluate")]
public sealed class EvaluateCommand : JasperFxAsyncCommand<EvaluateInput>
{
    internal static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public override async Task<bool> Execute(EvaluateInput input)
    {
        if (input.FoldsFlag < 2) return await CommandOutput.Fail("--folds must be at least 2.");
        var loaded = await Load(input);
        if (loaded is null) return false;
        var (applicants, catalog, parameters) = loaded.Value;
        if (input.FoldsFlag > applicants.Count) return await CommandOutput.Fail($"--folds must be at most the number of applicants ({applicants.Count}).");
        var folds = input.FoldsFor(applicants.Count);

        var report = Calibration.Evaluate(applicants, catalog, parameters);
        // One applicant cannot be held out from itself: its "k-fold" prediction is the fit's.
        var kfold = folds >= 2 ? Calibration.CrossValidate(applicants, catalog, parameters, folds) : report;
        var programs = Evaluation.Programs(catalog, parameters, 5);
        var population = Evaluation.Population(catalog, parameters);

        foreach (var (row, cv) in report.Rows.Zip(kfold.Rows))
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                row.Row,
                row.Applications,
                row.Actual,
                Expected = Math.Round(row.Expected, 3),
                ExpectedKfold = Math.Round(cv.Expected, 3),
                Naive = Math.Round(row.Naive, 3),
            }, Json));

        if (input.PlotFlag is { } plot)
        {
            var caption = $"{report.N} applicants; parameters {parameters.Version}; {folds}-fold";
            await File.WriteAllTextAsync(plot, CalibrationPlot.Svg(report.Rows, kfold.Rows, caption));
        }

        var summary = JsonSerializer.Serialize(new
        {
            report.N,
            Spearman = Math.Round(report.Spearman, 4),
            Mae = Math.Round(report.Mae, 4),
            MeanSignedError = Math.Round(report.MeanSignedError, 4),
            NaiveMae = Math.Round(report.NaiveMae, 4),
            NaiveSpearman = Math.Round(report.NaiveSpearman, 4),
            PooledYield = Math.Round(report.PooledYield, 4),
            Parameters = parameters.Version,
            Kfold = new
            {
                Folds = folds,
                Spearman = Math.Round(kfold.Spearman, 4),
                Mae = Math.Round(kfold.Mae, 4),
                MeanSignedError = Math.Round(kfold.MeanSignedError, 4),
                NaiveMae = Math.Round(kfold.NaiveMae, 4),
                NaiveSpearman = Math.Round(kfold.NaiveSpearman, 4),
                NaiveMeanSignedError = Math.Round(kfold.NaiveMeanSignedError, 4),
            },
            Programs = new
            {
                Folds = 5,
                programs.Programs,
                Spearman = Math.Round(programs.Spearman, 4),
                BySpecialty = programs.BySpecialty.Select(l => new
                {
                    l.Specialty,
                    l.Programs,
                    Spearman = Math.Round(l.Spearman, 4),
                    TopShareOfBest = Math.Round(l.TopShareOfBest, 4),
                }),
            },
            Population = new
            {
                population.Specialty,
                population.Applicants,
                population.Applications,
                MeanPMatch = Math.Round(population.MeanPMatch, 4),
                ShareWithoutInterview = Math.Round(population.ShareWithoutInterview, 4),
                PMatchAmongInterviewed = Math.Round(population.PMatchAmongInterviewed, 4),
                MeanPMatchWithPlan = Math.Round(population.MeanPMatchWithPlan, 4),
                population.PublishedMatchRate,
            },
            Sources = new
            {
                Outcomes = Path.GetFileName(input.OutcomesFlag),
                Catalog = Path.GetFileName(input.CatalogFlag),
                Evidence = input.EvidenceFlag is { } evidence ? Path.GetFileName(evidence) : null,
                Programs = catalog.Programs.Count,
                ProgramsWithEvidence = catalog.Programs.Count(p => p.HasEvidence),
            },
        }, Json);
        Console.WriteLine(summary);
        if (input.SummaryFlag is { } file) await File.WriteAllTextAsync(file, summary + "\n");
        return true;
    }

    /// <summary>Reads the outcomes, the catalog (with evidence merged) and the parameter set; reports problems on stderr.</summary>
    internal static async Task<(IReadOnlyList<ApplicantOutcome>, SmartPick.Matching.Model.Catalog, ParameterSet)?> Load(EvaluateInput input)
    {
        if (input.OutcomesFlag.Length == 0) { await CommandOutput.Fail("--outcomes FILE.csv is required."); return null; }
        if (!File.Exists(input.OutcomesFlag)) { await CommandOutput.Fail($"--outcomes: file not found: {input.OutcomesFlag}"); return null; }
        var catalog = await CommandOutput.ReadCatalog(input.CatalogFlag, input.EvidenceFlag);
        if (catalog is null) return null;
        var parameters = await CommandOutput.ReadParameters(input.ParametersFlag);
        if (parameters is null) return null;

        OutcomesReadResult outcomes;
        using (var reader = new StreamReader(input.OutcomesFlag)) outcomes = OutcomesCsv.Read(reader);
        if (outcomes.Errors.Any)
        {
            await CommandOutput.Fail(string.Join(Environment.NewLine,
                outcomes.Errors.Fields.SelectMany(e => e.Value.Select(m => $"{input.OutcomesFlag}: {e.Key}: {m}"))));
            return null;
        }
        if (outcomes.Applicants.Count == 0) { await CommandOutput.Fail($"{input.OutcomesFlag}: no applicants."); return null; }
        return (outcomes.Applicants, catalog, parameters);
    }
}

/// <summary>Arguments of <c>calibrate</c>: those of evaluate, plus where to write the fitted set and its version name.</summary>
public sealed class CalibrateInput : EvaluateInput
{
    [Description("Write the fitted parameter set (JSON) to this file")]
    [FlagAlias("out")]
    public string OutFlag { get; set; } = "";

    [Description("Version name of the fitted set (default: the starting set's version with \"-fit\")")]
    [FlagAlias("version")]
    public string? VersionFlag { get; set; }
}

/// <summary>
/// Fits the candidate coefficients (offset, Step 2 CK, USCE months, years since graduation, visa, random-effect spread)
/// on an outcomes file by penalized maximum likelihood, reports the k-fold figures of the fit, and writes a new
/// versioned parameter set that <c>rank</c> and <c>evaluate</c> read with <c>--parameters</c>.
/// </summary>
[Description("Fit the candidate coefficients on an outcomes file and write a new parameter set (JSON)", Name = "calibrate")]
public sealed class CalibrateCommand : JasperFxAsyncCommand<CalibrateInput>
{
    public override async Task<bool> Execute(CalibrateInput input)
    {
        if (input.OutFlag.Length == 0) return await CommandOutput.Fail("--out FILE.json is required.");
        if (input.FoldsFlag < 2) return await CommandOutput.Fail("--folds must be at least 2.");
        var loaded = await EvaluateCommand.Load(input);
        if (loaded is null) return false;
        var (applicants, catalog, start) = loaded.Value;
        if (input.FoldsFlag > applicants.Count) return await CommandOutput.Fail($"--folds must be at most the number of applicants ({applicants.Count}).");
        if (applicants.Count < 2) return await CommandOutput.Fail("calibrate needs at least 2 applicants.");
        var folds = input.FoldsFor(applicants.Count);

        var fitted = Calibration.Fit(applicants, catalog, start) with { Version = input.VersionFlag ?? start.Version + "-fit" };
        var kfold = Calibration.CrossValidate(applicants, catalog, start, folds);
        await File.WriteAllTextAsync(input.OutFlag, ParameterSetJson.Write(fitted));
        var values = FittedCoefficients.Of(fitted);
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            fitted.Version,
            Coefficients = FittedCoefficients.Priors.Select((p, i) => new { p.Name, Value = values[i], p.PriorMean, p.PriorSd }),
            Kfold = new
            {
                Folds = folds,
                kfold.N,
                Spearman = Math.Round(kfold.Spearman, 4),
                Mae = Math.Round(kfold.Mae, 4),
                MeanSignedError = Math.Round(kfold.MeanSignedError, 4),
                NaiveMae = Math.Round(kfold.NaiveMae, 4),
            },
        }, EvaluateCommand.Json));
        return true;
    }
}
