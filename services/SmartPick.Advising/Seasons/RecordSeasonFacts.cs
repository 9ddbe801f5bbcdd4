using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using SmartPick.Advising.CandidateFiles;
using SmartPick.Contracts;
using SmartPick.Matching.Model;
using Wolverine;
using Wolverine.Http;

namespace SmartPick.Advising.Seasons;

/// <summary>One ERAS price band as sent: <c>up_to</c> (absent on the last, open-ended band), <c>price</c>, <c>flat</c> (false when absent).</summary>
public sealed record FeeBandInput(int? UpTo, decimal? Price, bool? Flat);

/// <summary>A season's fees as sent, every field required (US dollars, whole cents).</summary>
public sealed record SeasonFeesInput(
    IReadOnlyList<FeeBandInput?>? ErasBands,
    decimal? Token,
    decimal? Transcript,
    decimal? NrmpRegistration,
    int? NrmpIncludedRanks,
    decimal? NrmpPerAdditionalRank,
    int? NrmpLongListAbove,
    decimal? NrmpLongListFee);

/// <summary>A specialty's program signals as sent.</summary>
public sealed record SignalsInput(int? Gold, int? Silver);

/// <summary>
/// The org admin records the agency's own facts for a season (the whole season: fees, signals by specialty key, how
/// many census divisions may be named, and where the figures come from). A specialty left out of <c>signals</c> has
/// none that season. <see cref="ExpectedVersion"/>, when given, is the season version the admin read.
/// </summary>
public sealed record RecordSeasonFacts(
    SeasonFeesInput? Fees,
    IReadOnlyDictionary<string, SignalsInput?>? Signals,
    int? MaxRegions,
    string? Source,
    long? ExpectedVersion = null)
{
    public const string DefaultSource = "Recorded by the agency.";

    /// <summary>The facts, or the field errors (keyed as the JSON fields, e.g. <c>fees.eras_bands[1].up_to</c>).</summary>
    public static FieldErrors Validate(int season, RecordSeasonFacts c, out SeasonFactsValues? facts)
    {
        var errors = new FieldErrors();
        facts = null;
        SeasonInput.CheckSeason(errors, season);

        var bands = new List<SeasonFeeBand>();
        decimal token = 0, transcript = 0, registration = 0, perRank = 0, longListFee = 0;
        int included = 0, longListAbove = 0;
        if (c.Fees is not { } fees) errors.Add("fees", "is required");
        else
        {
            SeasonInput.CheckBands(errors, fees.ErasBands, bands);
            token = SeasonInput.Money(errors, "fees.token", fees.Token, 2_000m);
            transcript = SeasonInput.Money(errors, "fees.transcript", fees.Transcript, 2_000m);
            registration = SeasonInput.Money(errors, "fees.nrmp_registration", fees.NrmpRegistration, 2_000m);
            perRank = SeasonInput.Money(errors, "fees.nrmp_per_additional_rank", fees.NrmpPerAdditionalRank, 1_000m);
            longListFee = SeasonInput.Money(errors, "fees.nrmp_long_list_fee", fees.NrmpLongListFee, 2_000m);
            included = SeasonInput.Count(errors, "fees.nrmp_included_ranks", fees.NrmpIncludedRanks, 1_000);
            longListAbove = SeasonInput.Count(errors, "fees.nrmp_long_list_above", fees.NrmpLongListAbove, 1_000);
        }

        var signals = new SortedDictionary<string, SeasonSignals>(StringComparer.Ordinal);
        if (c.Signals is null) errors.Add("signals", "is required (an empty object when no specialty has signals)");
        else
            foreach (var (key, value) in c.Signals)
            {
                var field = $"signals.{SeasonInput.Clip(key)}";
                if (!Specialties.IsKnown(key)) errors.Add(field, $"'{SeasonInput.Clip(key)}' is not a known specialty");
                else if (value is null) errors.Add(field, "is required");
                else signals[key] = new SeasonSignals(SeasonInput.Count(errors, $"{field}.gold", value.Gold, 100),
                    SeasonInput.Count(errors, $"{field}.silver", value.Silver, 100));
            }

        if (c.MaxRegions is null) errors.Add("max_regions", "is required");
        else errors.Range("max_regions", c.MaxRegions, 0, 9);
        errors.MaxLength("source", c.Source, 1000);
        if (c.Source is { } s && s.Any(ch => char.IsControl(ch) && ch is not '\n' and not '\r' and not '\t'))
            errors.Add("source", "must not contain control characters");

        if (errors.Any) return errors;
        facts = new SeasonFactsValues(
            new SeasonFees(bands, token, transcript, registration, included, perRank, longListAbove, longListFee),
            signals.ToDictionary(x => x.Key, x => x.Value, StringComparer.Ordinal),
            c.MaxRegions!.Value,
            string.IsNullOrWhiteSpace(c.Source) ? DefaultSource : c.Source.Trim());
        return errors;
    }

    /// <summary>Records the facts unless the season already holds exactly these as the agency's own.</summary>
    public static IReadOnlyList<object> Decide(int season, OrganizationSeason? current, SeasonFactsValues facts, Stamp stamp)
        => current is { Edited: true, Facts: { } held } && SeasonInput.Same(held, facts)
            ? []
            : [new SeasonFactsRecorded(SeasonStreams.IdOf(season), season, facts, stamp.By, stamp.At)];
}

public static class RecordSeasonFactsEndpoint
{
    [EndpointSummary("Record the agency's own facts for a whole season")]
    [WolverinePut("/api/org/seasons/{season}")]
    [Authorize(Policy = SmartPickPolicies.OrgAdmin)]
    public static async Task<IResult> Put(int season, RecordSeasonFacts command, HttpContext http, IDocumentSession session, IMessageBus bus, TimeProvider clock)
    {
        var headerErrors = new FieldErrors();
        var expected = CandidateFileHttp.ExpectedVersion(http, command.ExpectedVersion, headerErrors, "season");
        // Header errors are answered together with the body's, in one 400.
        if (headerErrors.Any) return RecordSeasonFacts.Validate(season, command, out _).AddAll(headerErrors).ToProblem();
        var stamp = new Stamp(http.User.Actor(), clock.GetUtcNow());
        return SeasonHttp.Answer(await SeasonWrites.RecordAsync(session, bus, season, command, stamp, expected, http.RequestAborted));
    }
}

/// <summary>The rules every season input shares, so the API and the page say the same thing about the same field.</summary>
public static class SeasonInput
{
    public const int MaxBands = 12;

    public static FieldErrors CheckSeason(FieldErrors errors, int season)
        => errors.Range("season", season, SeasonStreams.FirstSeason, SeasonStreams.LastSeason);

    /// <summary>Bands in ascending order of <c>up_to</c>, each but the last bounded, the last one open-ended.</summary>
    public static void CheckBands(FieldErrors errors, IReadOnlyList<FeeBandInput?>? bands, List<SeasonFeeBand> into)
    {
        if (bands is null || bands.Count == 0)
        {
            errors.Add("fees.eras_bands", "needs at least one band (the last one without up_to)");
            return;
        }
        if (bands.Count > MaxBands)
        {
            errors.Add("fees.eras_bands", $"must list at most {MaxBands} bands");
            return;
        }
        int? previous = null;
        for (var i = 0; i < bands.Count; i++)
        {
            var field = $"fees.eras_bands[{i}]";
            if (bands[i] is not { } band)
            {
                errors.Add(field, "is required");
                continue;
            }
            var last = i == bands.Count - 1;
            if (last && band.UpTo is not null) errors.Add($"{field}.up_to", "must be empty: the last band covers every further program");
            else if (!last && band.UpTo is null) errors.Add($"{field}.up_to", "is required: only the last band is open-ended");
            else if (band.UpTo is { } upTo)
            {
                if (upTo is < 1 or > 10_000) errors.Add($"{field}.up_to", "must be between 1 and 10000");
                else if (previous is { } p && upTo <= p) errors.Add($"{field}.up_to", $"must be above the previous band's up_to ({p}): bands go in ascending order");
                previous = upTo;
            }
            var price = Money(errors, $"{field}.price", band.Price, band.Flat == true ? 5_000m : 1_000m);
            into.Add(new SeasonFeeBand(band.UpTo, price, band.Flat ?? false));
        }
    }

    public static decimal Money(FieldErrors errors, string field, decimal? value, decimal max)
    {
        if (value is not { } v) errors.Add(field, "is required");
        else if (v < 0) errors.Add(field, "must not be negative");
        else if (v > max) errors.Add(field, $"must be at most {max:0}");
        else if (decimal.Round(v, 2) != v) errors.Add(field, "must be in whole cents");
        return value ?? 0;
    }

    public static int Count(FieldErrors errors, string field, int? value, int max)
    {
        if (value is null) errors.Add(field, "is required");
        else errors.Range(field, value, 0, max);
        return value ?? 0;
    }

    public static bool Same(SeasonFactsValues a, SeasonFactsValues b)
        => a.Fees with { ErasBands = [] } == b.Fees with { ErasBands = [] }
           && a.Fees.ErasBands.SequenceEqual(b.Fees.ErasBands)
           && a.Signals.Count == b.Signals.Count && a.Signals.All(s => b.Signals.TryGetValue(s.Key, out var o) && o == s.Value)
           && a.MaxRegions == b.MaxRegions && a.Source == b.Source;

    /// <summary>Echoed keys are clipped so a huge input never comes back in the error.</summary>
    public static string Clip(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
