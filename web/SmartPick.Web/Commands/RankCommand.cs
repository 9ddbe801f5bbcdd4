using System.Collections.Concurrent;
using JasperFx.CommandLine;
using SmartPick.Catalog.Sheet;
using SmartPick.Matching;
using SmartPick.Matching.Json;
using SmartPick.Matching.Model;

namespace SmartPick.Web.Commands;

/// <summary>Arguments of <c>rank --profile FILE.json | --profiles FILE.jsonl --catalog FILE.csv [--evidence FILE.csv] [--budget N] [--budget-usd D] [--top N]</c>.</summary>
public sealed class RankInput
{
    [Description("One candidate profile as JSON")]
    [FlagAlias("profile", 'p')]
    public string? ProfileFlag { get; set; }

    [Description("Many candidate profiles, one JSON object per line; prints one result per line")]
    [FlagAlias("profiles")]
    public string? ProfilesFlag { get; set; }

    [Description("The program catalog (tracking sheet CSV)")]
    [FlagAlias("catalog", 'c')]
    public string CatalogFlag { get; set; } = "";

    [Description("Observed per-program interview rates (evidence CSV) to merge into the catalog by program code")]
    [FlagAlias("evidence", 'e')]
    public string? EvidenceFlag { get; set; }

    [Description("Number of applications to consider, overriding the profiles' budgets")]
    [FlagAlias("budget", 'b')]
    public int? BudgetFlag { get; set; }

    [Description("Money to spend in US dollars (ERAS, token, transcript, NRMP), overriding the profiles' budgets")]
    [FlagAlias("budget-usd")]
    public decimal? BudgetUsdFlag { get; set; }

    [Description("List at most this many programs and excluded programs per result; default all for --profile, 25 for --profiles (totals and counts stay complete)")]
    [FlagAlias("top", 't')]
    public int? TopFlag { get; set; }
}

/// <summary>
/// Ranks candidate profiles against a catalog with the matching engine and prints the result JSON on stdout.
/// Needs no host and no database: it reads two files and runs the pure engine. Problems go to stderr, naming
/// the file, line and field, with a non-zero exit code.
/// </summary>
[Description("Rank candidate profiles against a program catalog (prints result JSON)", Name = "rank")]
public sealed class RankCommand : JasperFxAsyncCommand<RankInput>
{
    /// <summary>
    /// Runs <c>rank</c>, <c>evaluate</c> or <c>catalog-evidence</c> without building the web host (no configuration,
    /// no database, nothing on stdout but the command's output), and returns null for any other command. Call it first thing in Program.cs:
    /// <c>if (await RankCommand.TryRunWithoutHostAsync(args) is { } exitCode) return exitCode;</c>
    /// </summary>
    public static async Task<int?> TryRunWithoutHostAsync(string[] args)
    {
        if (args.Length == 0 || args[0] is not ("rank" or "evaluate" or "calibrate" or "catalog-evidence")) return null;
        var executor = CommandExecutor.For(factory =>
        {
            factory.RegisterCommand<RankCommand>();
            factory.RegisterCommand<EvaluateCommand>();
            factory.RegisterCommand<CalibrateCommand>();
            factory.RegisterCommand<CatalogEvidenceCommand>();
        });
        return await executor.ExecuteAsync(args);
    }

    public override async Task<bool> Execute(RankInput input)
    {
        if ((input.ProfileFlag is null) == (input.ProfilesFlag is null))
            return await CommandOutput.Fail("Give exactly one of --profile FILE.json or --profiles FILE.jsonl.");
        if (input.BudgetFlag is < 0)
            return await CommandOutput.Fail("--budget must not be negative.");
        if (input.BudgetUsdFlag is < 0 or > ProfileValidation.MaxDollars)
            return await CommandOutput.Fail($"--budget-usd must be between 0 and {ProfileValidation.MaxDollars}.");
        if (input.TopFlag is < 0)
            return await CommandOutput.Fail("--top must not be negative.");

        var catalog = await CommandOutput.ReadCatalog(input.CatalogFlag, input.EvidenceFlag);
        if (catalog is null) return false;
        var options = new RankOptions(Budget: input.BudgetFlag, BudgetDollars: input.BudgetUsdFlag);

        if (input.ProfileFlag is { } single)
        {
            if (!CommandOutput.TryReadText(single, "--profile", out var json)) return await CommandOutput.Fail(json);
            var parsed = ProfileJson.Parse(json);
            if (!parsed.IsValid)
                return await CommandOutput.Fail(string.Join(Environment.NewLine, parsed.Errors.Fields.SelectMany(e => e.Value.Select(m => $"{single}: {e.Key}: {m}"))));
            var result = MatchingEngine.Rank(parsed.Profile!, catalog, options);
            result = result with { Unlock = MatchingEngine.Unlock(parsed.Profile!, catalog, options) };
            await using var stdout = Console.OpenStandardOutput();
            RankResultJson.Write(stdout, result, input.TopFlag, input.TopFlag);
            stdout.Write("\n"u8);
            return true;
        }

        return await RankMany(input.ProfilesFlag!, catalog, options, input.TopFlag);
    }

    /// <summary>Programs and exclusions listed per result in a batch unless --top says otherwise: keeps a cohort's output small.</summary>
    public const int BatchListLength = 25;

    /// <summary>Every line is checked before any is ranked, so a bad file prints nothing on stdout.</summary>
    private static async Task<bool> RankMany(string path, SmartPick.Matching.Model.Catalog catalog, RankOptions options, int? top)
    {
        if (!CommandOutput.TryReadLines(path, "--profiles", out var lines, out var error)) return await CommandOutput.Fail(error);
        var profiles = new List<CandidateProfile>(lines.Count);
        var errors = new List<string>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i])) continue;
            var parsed = ProfileJson.Parse(lines[i]);
            if (parsed.IsValid) profiles.Add(parsed.Profile!);
            else errors.AddRange(parsed.Errors.Fields.SelectMany(e => e.Value.Select(m => $"{path}, line {i + 1}: {e.Key}: {m}")));
        }
        if (errors.Count > 0) return await CommandOutput.Fail(string.Join(Environment.NewLine, errors));

        // The engine is pure, so profiles rank in parallel; results are written in input order.
        var results = new byte[profiles.Count][];
        Parallel.ForEach(Partitioner.Create(0, profiles.Count), range =>
        {
            for (var i = range.Item1; i < range.Item2; i++)
            {
                var result = MatchingEngine.Rank(profiles[i], catalog, options);
                results[i] = RankResultJson.WriteUtf8(result, top ?? BatchListLength, top ?? BatchListLength);
            }
        });
        await using var stdout = new BufferedStream(Console.OpenStandardOutput(), 1 << 16);
        foreach (var bytes in results)
        {
            await stdout.WriteAsync(bytes);
            stdout.WriteByte((byte)'\n');
        }
        return true;
    }
}


/// <summary>File reading and error reporting shared by the engine commands: errors on stderr, never a stack trace.</summary>
internal static class CommandOutput
{
    public static async Task<bool> Fail(string message)
    {
        await Console.Error.WriteLineAsync(message);
        return false;
    }

    public static bool TryReadText(string path, string flag, out string textOrError)
    {
        if (!File.Exists(path))
        {
            textOrError = $"{flag}: file not found: {path}";
            return false;
        }
        textOrError = File.ReadAllText(path);
        return true;
    }

    public static bool TryReadLines(string path, string flag, out IReadOnlyList<string> lines, out string error)
    {
        lines = [];
        error = "";
        if (!File.Exists(path))
        {
            error = $"{flag}: file not found: {path}";
            return false;
        }
        lines = File.ReadAllLines(path);
        return true;
    }

    /// <summary>Reads a parameter set written by calibrate, or the engine's current set when no file is given.</summary>
    public static async Task<SmartPick.Matching.Parameters.ParameterSet?> ReadParameters(string? path)
    {
        if (path is null) return SmartPick.Matching.Parameters.DefaultParameters.Current;
        if (!TryReadText(path, "--parameters", out var json)) { await Fail(json); return null; }
        var ps = SmartPick.Matching.Parameters.ParameterSetJson.Read(json, out var error);
        if (ps is null) await Fail($"{path}: not a parameter set: {error}");
        return ps;
    }

    /// <summary>
    /// Reads the catalog sheet and, when <paramref name="evidencePath"/> is given, merges that evidence file into it
    /// by program code (<see cref="CatalogEvidence"/>). Any bad row of either file is reported (up to 20) and the
    /// command stops.
    /// </summary>
    public static async Task<SmartPick.Matching.Model.Catalog?> ReadCatalog(string path, string? evidencePath = null)
    {
        var sheet = await ReadSheet(path);
        if (sheet is null) return null;
        if (evidencePath is null) return sheet.Catalog;
        var merged = await MergeEvidence(sheet.Catalog, evidencePath);
        return merged is null ? null : new SmartPick.Matching.Model.Catalog(merged.Programs);
    }

    /// <summary>Reads the catalog sheet; null (after reporting why on stderr) when it is missing or has a bad row.</summary>
    public static async Task<SheetReadResult?> ReadSheet(string path)
    {
        if (path.Length == 0)
        {
            await Fail("--catalog FILE.csv is required.");
            return null;
        }
        if (!File.Exists(path))
        {
            await Fail($"--catalog: file not found: {path}");
            return null;
        }
        var sheet = CatalogCsv.ReadFile(path);
        if (!sheet.IsValid)
        {
            await Fail($"{path}: {sheet.Errors.Count} row(s) could not be read:" + Environment.NewLine
                + string.Join(Environment.NewLine, sheet.Errors.Take(20).Select(e => "  " + e)));
            return null;
        }
        return sheet;
    }

    /// <summary>Reads the evidence file and merges it into the catalog; null (after reporting why on stderr) when it is missing or has a bad row.</summary>
    public static async Task<EvidenceMergeResult?> MergeEvidence(SmartPick.Matching.Model.Catalog catalog, string evidencePath)
    {
        if (evidencePath.Length == 0)
        {
            await Fail("--evidence needs a file: --evidence FILE.csv");
            return null;
        }
        if (!File.Exists(evidencePath))
        {
            await Fail($"--evidence: file not found: {evidencePath}");
            return null;
        }
        var evidence = EvidenceCsv.ReadFile(evidencePath);
        if (!evidence.IsValid)
        {
            await Fail($"{evidencePath}: {evidence.Errors.Count} problem(s) in the evidence file:" + Environment.NewLine
                + string.Join(Environment.NewLine, evidence.Errors.Take(20).Select(e => "  " + e)));
            return null;
        }
        return CatalogEvidence.Merge(catalog.Programs, evidence.Rows);
    }
}
