using System.Globalization;
using SmartPick.Matching.Model;
using SmartPick.Matching.Outcomes;

namespace SmartPick.Matching.Tests.Support;

/// <summary>
/// A minimal reader of the shared catalog file for the engine's tests, so they do not depend on the catalog
/// module's storage stack. Reads the columns the engine uses; the catalog module owns the real format.
/// </summary>
public static class TestCatalogCsv
{
    private static readonly Lazy<Catalog> Shared = new(() => Read(File.ReadAllText(SharedData.CatalogPath)));

    public static Catalog SharedCatalog => Shared.Value;

    public static Catalog Read(string text)
    {
        var lines = text.Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        int Col(string name) => Array.IndexOf(header, name);
        var programs = new List<CatalogProgram>();
        foreach (var line in lines.Skip(1))
        {
            var c = OutcomesCsv.SplitLine(line);
            string Get(string name) => c[Col(name)];
            static Tristate Tri(string s) => s switch { "yes" => Tristate.Yes, "no" => Tristate.No, _ => Tristate.Unknown };
            static int? Int(string s) => s.Length == 0 ? null : int.Parse(s, CultureInfo.InvariantCulture);
            static decimal? Dec(string s) => s.Length == 0 ? null : decimal.Parse(s, CultureInfo.InvariantCulture);
            programs.Add(new CatalogProgram
            {
                ProgramCode = Get("program_code"),
                ProgramName = Get("program_name"),
                Institution = Get("institution"),
                City = Get("city"),
                State = Get("state"),
                SpecialtyCode = Get("specialty_code"),
                Specialty = Get("specialty"),
                Track = Get("track") switch
                {
                    "preliminary" => Track.Preliminary, "advanced" => Track.Advanced, "physician" => Track.Physician,
                    "primary" => Track.Primary, _ => Track.Categorical,
                },
                ProgramType = Get("program_type") switch
                {
                    "community" => ProgramType.Community, "community-university" => ProgramType.CommunityUniversity,
                    "university" => ProgramType.University, _ => ProgramType.Unknown,
                },
                Positions = Int(Get("positions")),
                ImgShare = Dec(Get("img_share")),
                VisaJ1 = Tri(Get("visa_j1")),
                VisaH1b = Tri(Get("visa_h1b")),
                MinStep2Ck = Int(Get("min_step2ck")),
                MinStep2CkStrictness = Get("min_step2ck_strictness") switch
                {
                    "cutoff" => Strictness.Cutoff, "preference" => Strictness.Preference, _ => Strictness.Unknown,
                },
                MaxYearsSinceGraduation = Int(Get("max_years_since_graduation")),
                UsceRequired = Tri(Get("usce_required")),
                MinUsceMonths = Dec(Get("min_usce_months")),
                Notes = Get("notes"),
                Source = Get("source"),
            });
        }
        return new Catalog(programs);
    }

    public static IReadOnlyList<ApplicantOutcome> SharedOutcomes()
    {
        using var reader = new StreamReader(SharedData.OutcomesPath);
        var result = OutcomesCsv.Read(reader);
        result.Errors.ShouldBeEmpty();
        return result.Applicants;
    }
}
