namespace SmartPick.Web.Tests.Cli;

/// <summary>Inputs for the command tests: a small catalog sheet, profiles, and the shared data folder when present.</summary>
public static class CliData
{
    public const string Header =
        "program_code,program_name,institution,city,state,specialty_code,specialty,track,program_type,positions,img_share,visa_j1,visa_h1b,min_step2ck,min_step2ck_strictness,max_years_since_graduation,usce_required,min_usce_months,notes,source,observed_on";

    /// <summary>Four internal medicine programs (one saying no to J-1) and a family medicine one.</summary>
    public static readonly string SmallCatalog = string.Join("\r\n",
        Header,
        "1001140C0,Hospital A-NY - Internal Medicine,Hospital A,Bronx,NY,140,Internal Medicine,categorical,community,12,60,yes,no,,unknown,,unknown,,,test,",
        "1002140C0,Hospital B-MI - Internal Medicine,Hospital B,Detroit,MI,140,Internal Medicine,categorical,university,20,,unknown,unknown,,unknown,,unknown,,,test,",
        "1003140C0,Hospital C-CA - Internal Medicine,Hospital C,Fresno,CA,140,Internal Medicine,categorical,unknown,10,,no,no,,unknown,,unknown,,,test,",
        "1004140C0,Hospital D-TX - Internal Medicine,Hospital D,Houston,TX,140,Internal Medicine,categorical,community,8,,unknown,yes,235,cutoff,,unknown,,,test,",
        "1005120C0,Hospital E-OH - Family Medicine,Hospital E,Akron,OH,120,Family Medicine,categorical,community,6,,unknown,unknown,,unknown,,unknown,,,test,") + "\r\n";

    public const string EvidenceHeader =
        "program_code,specialty,program_name_in_source,state,nonus_img_interview_rate,us_img_interview_rate,md_interview_rate,do_interview_rate,signal_interview_rate,no_signal_interview_rate,source,observed_on";

    /// <summary>Observed interview rates for two programs of <see cref="SmallCatalog"/> and one it does not have.</summary>
    public static readonly string SmallEvidence = string.Join("\r\n",
        EvidenceHeader,
        "1001140C0,internal_medicine,Hospital A Program,NY,0.05,0.07,0.30,0.20,,,test evidence,2025-01",
        "1005120C0,family_medicine,Hospital E Program,OH,0.00,0.01,0.45,0.30,0.43,0.15,test evidence,2025-01",
        "1999140C0,internal_medicine,Elsewhere Program,NY,0.02,0.03,0.30,0.20,,,test evidence,2025-01") + "\r\n";

    public const string WorkedExample = """{"img_type":"non_us_img","visa_need":"j1","year_of_graduation":2020,"season":2026,"exams":[{"exam":"step1","score":211},{"exam":"step2ck","score":228}],"usce":[],"target_specialties":["internal_medicine"]}""";

    public static readonly string? SharedFolder = Locate();

    private static string? Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SmartPick.sln")))
            {
                var data = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data"));
                return Directory.Exists(data) ? data : null;
            }
        }
        return null;
    }

    public static string SharedCatalog => Path.Combine(SharedFolder!, "catalog", "us-programs.csv");
    public static string SharedEvidence => Path.Combine(SharedFolder!, "evidence", "program-interview-rates.csv");
    public static string SharedOutcomes => Path.Combine(SharedFolder!, "outcomes", "img-applicants-calibration.csv");
}

/// <summary>A fact that skips itself, saying why, when the shared data folder is absent.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        if (CliData.SharedFolder is null) Skip = "The shared data folder (../shared/data next to the repository) is absent.";
    }
}
