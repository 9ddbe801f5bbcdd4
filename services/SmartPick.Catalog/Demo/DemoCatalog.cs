using SmartPick.Catalog.Sheet;
using SmartPick.Matching.Model;

namespace SmartPick.Catalog.Demo;

// The module's namespace is also called Catalog; name the engine's catalog type explicitly.
using Catalog = SmartPick.Matching.Model.Catalog;

/// <summary>
/// The demo catalog the product ships, so a new organization can try the engine before importing its own
/// sheet. Generated, not real: every program is named "Demo …" and its source says so. The shape follows real
/// catalogs: NRMP-style codes, internal medicine, family medicine, pediatrics and psychiatry most common,
/// states weighted like the national program list, community programs with more IMGs and more visa
/// sponsorship than university ones, and plenty of unknown values, as in an agency's real sheet.
/// About 60% of the IMG-friendly specialties' programs carry illustrative evidence (<see cref="DemoEvidence"/>),
/// labelled as demo data. The same seed always gives the same catalog (and so the same catalog version) on any runtime.
/// </summary>
public static class DemoCatalog
{
    public const int DefaultSeed = 20260901;
    public const string Source = "SmartPick demo catalog (generated, not real programs)";
    public const string NamePrefix = "Demo ";
    /// <summary>The evidence source of every demo program with evidence: the rates are made up.</summary>
    public const string EvidenceSource = DemoEvidence.Source;
    public const string EvidenceObservedOn = DemoEvidence.ObservedOn;
    /// <summary>
    /// About as many hospitals as the national program list has sponsoring institutions, so the catalog has about as
    /// many programs as a real one (6,184 against the 6,264 of the shared national catalog) and a candidate's list
    /// and recommended number of applications come out the size an advisor expects (the guide's worked example:
    /// about 420 eligible internal medicine programs and 120 recommended, as the guide's 120–150).
    /// </summary>
    private const int InstitutionCount = 1150;
    private static readonly DateOnly LastChecked = new(2026, 9, 1);

    /// <summary>
    /// The catalog for a seed; the shipped one (the default seed) is built once per process and shared, as every new
    /// organization and the try-it page start from it (the catalog is immutable).
    /// </summary>
    public static Catalog Generate(int seed = DefaultSeed) => seed == DefaultSeed ? Shipped.Value : Build(seed);

    private static readonly Lazy<Catalog> Shipped = new(() => Build(DefaultSeed));

    private static Catalog Build(int seed)
    {
        var random = new SplitMix64(unchecked((ulong)seed * 0x2545F4914F6CDD1DUL + 0x632BE59BD9B4E019UL));
        var programs = new List<CatalogProgram>();
        var usedCodes = new HashSet<int>();
        var usedNames = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < InstitutionCount; i++)
        {
            var institution = NewInstitution(random, usedCodes, usedNames);
            foreach (var (specialty, track, site) in ProgramsOf(institution.Type, random))
                programs.Add(NewProgram(random, institution, specialty, track, site));
        }
        programs.Sort((a, b) => string.CompareOrdinal(a.ProgramCode, b.ProgramCode));
        return new Catalog(DemoEvidence.AddTo(programs, seed));
    }

    /// <summary>
    /// A demo hospital. Visa sponsorship and openness to IMGs are mostly set hospital-wide (the GME office
    /// decides), so programs of one hospital resemble each other, as in real catalogs.
    /// </summary>
    private sealed record Institution(int Code, string Name, string City, string State, ProgramType Type,
        bool SponsorsJ1, bool SponsorsH1b, double ImgLean);

    private static Institution NewInstitution(SplitMix64 random, HashSet<int> usedCodes, HashSet<string> usedNames)
    {
        int code;
        do code = random.Between(1000, 9999); while (!usedCodes.Add(code));
        var type = random.Pick(InstitutionTypes);
        while (true)
        {
            var state = random.Pick(StateWeights);
            var city = random.Pick(Cities);
            var name = random.Pick(NameTemplates[type]).Replace("{city}", city, StringComparison.Ordinal);
            if (!usedNames.Add(name + "|" + state)) continue;
            var sponsorsJ1 = random.Chance(type switch { ProgramType.Community => 0.85, ProgramType.CommunityUniversity => 0.75, _ => 0.6 });
            var sponsorsH1b = sponsorsJ1 && random.Chance(type == ProgramType.Community ? 0.4 : 0.3);
            var imgLean = 0.6 + random.NextDouble() * 0.8;
            return new Institution(code, name, city, state, type, sponsorsJ1, sponsorsH1b, imgLean);
        }
    }

    /// <summary>Which programs an institution runs: community hospitals mostly primary care, universities nearly everything.</summary>
    private static IEnumerable<(SpecialtyInfo Specialty, Track Track, int Site)> ProgramsOf(ProgramType type, SplitMix64 random)
    {
        var offers = Offers[type];
        foreach (var offer in offers)
        {
            if (!random.Chance(offer.Chance)) continue;
            var specialty = Specialties.ByCode(offer.Code)!;
            var track = offer.Tracks.Count == 1 ? offer.Tracks[0].Item : random.Pick(offer.Tracks);
            yield return (specialty, track, 0);
            if (offer.SecondSiteChance > 0 && random.Chance(offer.SecondSiteChance)) yield return (specialty, track, 1);
        }
    }

    private static CatalogProgram NewProgram(SplitMix64 random, Institution institution, SpecialtyInfo specialty, Track track, int site)
    {
        var friendly = ImgFriendly.Contains(specialty.Code);
        var competitive = Competitive.Contains(specialty.Code);
        var community = institution.Type == ProgramType.Community;
        var university = institution.Type == ProgramType.University;

        int? imgShare = random.Chance(0.18) ? null : ImgShareFor(random, institution, friendly, competitive);
        var (visaJ1, visaH1b) = VisasFor(random, institution, competitive);
        var (minStep2, strictness) = Step2For(random, competitive, university);
        int? maxYears = random.Chance(community ? 0.45 : 0.25) ? random.Pick(YearsSinceGraduationLimits) : null;
        var (usceRequired, usceMonths) = UsceFor(random, institution.Type, friendly);

        return new CatalogProgram
        {
            ProgramCode = $"{institution.Code:D4}{specialty.Code}{ProgramRules.NrmpTrackLetter(track)}{site}",
            ProgramName = $"{institution.Name} - {ProgramTitle(specialty, track, site)}",
            Institution = institution.Name,
            City = institution.City,
            State = institution.State,
            SpecialtyCode = specialty.Code,
            Specialty = specialty.Name,
            Track = track,
            // As in real sheets, some rows do not say what kind of program it is.
            ProgramType = random.Chance(0.08) ? ProgramType.Unknown : institution.Type,
            Positions = random.Chance(0.1) ? null : PositionsFor(random, specialty.Code, track, institution.Type),
            ImgShare = imgShare,
            VisaJ1 = visaJ1,
            VisaH1b = visaH1b,
            MinStep2Ck = minStep2,
            MinStep2CkStrictness = strictness,
            MaxYearsSinceGraduation = maxYears,
            UsceRequired = usceRequired,
            MinUsceMonths = usceMonths,
            Notes = random.Chance(0.12) ? random.Pick(NotesPool) : "",
            Source = Source,
            ObservedOn = random.Chance(0.15) ? null : LastChecked.AddDays(-random.Next(420)),
        };
    }

    private static string ProgramTitle(SpecialtyInfo specialty, Track track, int site)
    {
        var title = track switch
        {
            Track.Preliminary when specialty.Code == "999" => specialty.Name,
            Track.Preliminary => specialty.Name + "-Preliminary",
            Track.Primary => specialty.Name + "-Primary",
            Track.Advanced => specialty.Name + " (advanced)",
            Track.Physician => specialty.Name + "/Physician",
            _ => specialty.Name,
        };
        return site == 0 ? title : title + "/Rural";
    }

    private static int ImgShareFor(SplitMix64 random, Institution institution, bool friendly, bool competitive)
    {
        var mean = institution.ImgLean * institution.Type switch
        {
            ProgramType.Community => 58.0,
            ProgramType.CommunityUniversity => 36.0,
            _ => 16.0,
        };
        if (competitive) mean *= 0.15;
        else if (!friendly) mean *= 0.45;
        return random.Around(mean, mean * 0.45 + 2, 0, 100);
    }

    private static (Tristate J1, Tristate H1b) VisasFor(SplitMix64 random, Institution institution, bool competitive)
    {
        // About a quarter of rows do not say; the rest follow the hospital, except that some competitive
        // programs do not take visa applicants even where the hospital sponsors.
        var j1Yes = institution.SponsorsJ1 && !(competitive && random.Chance(0.6));
        var j1 = random.Chance(0.26) ? Tristate.Unknown : j1Yes ? Tristate.Yes : Tristate.No;
        var h1bYes = institution.SponsorsH1b && j1Yes && !random.Chance(0.15);
        var h1b = random.Chance(0.32) ? Tristate.Unknown : h1bYes ? Tristate.Yes : Tristate.No;
        return (j1, h1b);
    }

    private static (int? Min, Strictness Strictness) Step2For(SplitMix64 random, bool competitive, bool university)
    {
        if (!random.Chance(0.42)) return (null, Strictness.Unknown);
        var mean = competitive ? 245 : university ? 232 : 222;
        var min = random.Around(mean, 7, 200, 260) / 5 * 5;
        var strictness = random.Pick(StrictnessWeights);
        return (min, strictness);
    }

    private static (Tristate Required, decimal? Months) UsceFor(SplitMix64 random, ProgramType type, bool friendly)
    {
        var roll = random.NextDouble();
        var yesShare = type == ProgramType.Community && friendly ? 0.45 : 0.3;
        if (roll < yesShare)
            return (Tristate.Yes, random.Chance(0.3) ? null : random.Pick(UsceMonthOptions));
        if (roll < yesShare + 0.15) return (Tristate.No, null);
        return (Tristate.Unknown, null);
    }

    private static int PositionsFor(SplitMix64 random, string code, Track track, ProgramType type)
    {
        var scale = type switch { ProgramType.University => 1.5, ProgramType.CommunityUniversity => 1.1, _ => 0.8 };
        var baseSize = (code, track) switch
        {
            ("140", Track.Categorical) => 20.0,
            ("140", _) => 8.0,
            ("120", _) => 8.0,
            ("320", _) => 12.0,
            ("400", _) => 7.0,
            ("440", Track.Preliminary) => 6.0,
            ("440", _) => 5.0,
            ("999", _) => 8.0,
            ("110", _) => 10.0,
            ("040", _) => 10.0,
            _ => 4.0,
        };
        var mean = baseSize * scale;
        return random.Around(mean, mean * 0.35 + 1, 1, 80);
    }

    private static readonly IReadOnlyList<(ProgramType Item, int Weight)> InstitutionTypes =
    [
        (ProgramType.Community, 52), (ProgramType.CommunityUniversity, 30), (ProgramType.University, 18),
    ];

    private static readonly IReadOnlyList<(Strictness Item, int Weight)> StrictnessWeights =
    [
        (Strictness.Preference, 50), (Strictness.Cutoff, 38), (Strictness.Unknown, 12),
    ];

    private static readonly IReadOnlyList<(int Item, int Weight)> YearsSinceGraduationLimits =
    [
        (3, 20), (5, 40), (7, 15), (10, 15), (2, 5), (15, 5),
    ];

    private static readonly IReadOnlyList<(decimal Item, int Weight)> UsceMonthOptions =
    [
        (1m, 20), (2m, 30), (3m, 25), (4m, 10), (6m, 10), (1.5m, 5),
    ];

    /// <summary>Programs per state in the national program list (2024), so the demo leans the same way.</summary>
    private static readonly IReadOnlyList<(string Item, int Weight)> StateWeights =
    [
        ("NY", 695), ("CA", 550), ("PA", 425), ("TX", 366), ("FL", 359), ("OH", 322), ("MI", 313), ("IL", 241),
        ("NJ", 212), ("MA", 209), ("NC", 173), ("MD", 129), ("MO", 128), ("GA", 126), ("VA", 124), ("TN", 118),
        ("AZ", 100), ("CT", 100), ("LA", 100), ("WA", 98), ("WI", 92), ("SC", 90), ("MN", 85), ("AL", 69),
        ("CO", 68), ("DC", 66), ("IN", 63), ("KY", 63), ("OK", 62), ("WV", 57), ("AR", 52), ("IA", 51), ("OR", 51),
        ("KS", 43), ("NE", 43), ("MS", 42), ("UT", 41), ("NV", 41), ("PR", 36), ("NM", 31), ("RI", 31), ("NH", 28),
        ("VT", 20), ("ME", 18), ("DE", 17), ("HI", 16), ("ND", 14), ("ID", 12), ("SD", 9), ("MT", 2), ("AK", 1),
    ];

    /// <summary>Place names common to many states, so no demo program points at one real hospital.</summary>
    private static readonly IReadOnlyList<string> Cities =
    [
        "Springfield", "Riverton", "Fairview", "Franklin", "Greenville", "Clinton", "Madison", "Georgetown",
        "Salem", "Ashland", "Burlington", "Centerville", "Lakeside", "Oak Grove", "Milford", "Marion", "Bristol",
        "Newport", "Kingston", "Jackson", "Lebanon", "Hudson", "Oxford", "Dayton Falls", "Cedar Hills",
        "Pine Ridge", "Maple Valley", "Brookfield", "Westfield", "Northport", "Eastwood", "Harrison", "Mount Vernon",
        "Union City", "Shelbyville", "Glendale", "Riverside", "Highland", "Plainview", "Stonebridge",
    ];

    private static readonly IReadOnlyDictionary<ProgramType, IReadOnlyList<string>> NameTemplates =
        new Dictionary<ProgramType, IReadOnlyList<string>>
        {
            [ProgramType.Community] =
            [
                "Demo Community Hospital of {city}", "Demo {city} General Hospital", "Demo {city} Regional Medical Center",
                "Demo {city} Memorial Hospital",
            ],
            [ProgramType.CommunityUniversity] =
            [
                "Demo {city} Medical Center (university affiliated)", "Demo {city} Health System",
                "Demo {city} Teaching Hospital",
            ],
            [ProgramType.University] =
            [
                "Demo University Medical Center of {city}", "Demo {city} University Hospital",
                "Demo State University at {city}",
            ],
        };

    private static readonly IReadOnlySet<string> ImgFriendly = new HashSet<string>(StringComparer.Ordinal)
    {
        "140", "120", "320", "400", "300", "180", "999", "700",
    };

    private static readonly IReadOnlySet<string> Competitive = new HashSet<string>(StringComparer.Ordinal)
    {
        "080", "362", "260", "160", "280", "416", "430", "461", "451",
    };

    private static readonly IReadOnlyList<string> NotesPool =
    [
        "Observerships do not count as US clinical experience.",
        "Prefers letters from US internal medicine faculty.",
        "Interview invitations sent on a rolling basis from October.",
        "Sponsors J-1 only through ECFMG; no H-1B this cycle.",
        "Step 3 passed required before ranking for H-1B.",
        "New program director this cycle; criteria may change.",
        "Prefers applicants with research or QI experience.",
        "Graduates within 5 years preferred; older graduates need recent clinical work.",
    ];

    private sealed record Offer(string Code, double Chance, IReadOnlyList<(Track Item, int Weight)> Tracks, double SecondSiteChance = 0);

    private static IReadOnlyList<(Track Item, int Weight)> Only(Track track) => [(track, 1)];

    private static readonly IReadOnlyList<(Track Item, int Weight)> CategoricalOrAdvanced =
        [(Track.Categorical, 60), (Track.Advanced, 30), (Track.Physician, 10)];

    private static readonly IReadOnlyList<(Track Item, int Weight)> MostlyAdvanced =
        [(Track.Advanced, 75), (Track.Categorical, 15), (Track.Physician, 10)];

    private static readonly IReadOnlyDictionary<ProgramType, IReadOnlyList<Offer>> Offers =
        new Dictionary<ProgramType, IReadOnlyList<Offer>>
        {
            [ProgramType.Community] =
            [
                new("140", 0.9, Only(Track.Categorical)), new("140", 0.3, Only(Track.Preliminary)),
                new("120", 0.6, Only(Track.Categorical), SecondSiteChance: 0.15), new("400", 0.3, Only(Track.Categorical)),
                new("320", 0.18, Only(Track.Categorical)), new("999", 0.22, Only(Track.Preliminary)),
                new("110", 0.18, Only(Track.Categorical)), new("440", 0.15, Only(Track.Categorical)),
                new("220", 0.15, Only(Track.Categorical)), new("180", 0.05, Only(Track.Categorical)),
            ],
            [ProgramType.CommunityUniversity] =
            [
                new("140", 0.95, Only(Track.Categorical)), new("140", 0.4, Only(Track.Preliminary)),
                new("140", 0.08, Only(Track.Primary)), new("120", 0.5, Only(Track.Categorical), SecondSiteChance: 0.1),
                new("400", 0.5, Only(Track.Categorical)), new("320", 0.4, Only(Track.Categorical)),
                new("110", 0.35, Only(Track.Categorical)), new("440", 0.35, Only(Track.Categorical)),
                new("440", 0.2, Only(Track.Preliminary)), new("220", 0.35, Only(Track.Categorical)),
                new("040", 0.2, CategoricalOrAdvanced), new("180", 0.25, CategoricalOrAdvanced),
                new("300", 0.2, Only(Track.Categorical)), new("420", 0.15, MostlyAdvanced),
                new("999", 0.2, Only(Track.Preliminary)), new("340", 0.08, MostlyAdvanced),
                new("260", 0.08, Only(Track.Categorical)),
            ],
            [ProgramType.University] =
            [
                new("140", 1.0, Only(Track.Categorical)), new("140", 0.5, Only(Track.Preliminary)),
                new("140", 0.15, Only(Track.Primary)), new("120", 0.3, Only(Track.Categorical)),
                new("320", 0.7, Only(Track.Categorical)), new("400", 0.75, Only(Track.Categorical)),
                new("440", 0.8, Only(Track.Categorical)), new("440", 0.4, Only(Track.Preliminary)),
                new("110", 0.55, Only(Track.Categorical)), new("220", 0.7, Only(Track.Categorical)),
                new("040", 0.65, CategoricalOrAdvanced), new("180", 0.65, CategoricalOrAdvanced),
                new("300", 0.55, Only(Track.Categorical)), new("420", 0.55, MostlyAdvanced),
                new("260", 0.45, Only(Track.Categorical)), new("080", 0.4, MostlyAdvanced),
                new("280", 0.35, Only(Track.Categorical)), new("160", 0.3, Only(Track.Categorical)),
                new("362", 0.2, Only(Track.Categorical)), new("416", 0.2, MostlyAdvanced),
                new("430", 0.25, MostlyAdvanced), new("700", 0.25, Only(Track.Categorical)),
                new("185", 0.2, Only(Track.Categorical)), new("340", 0.25, MostlyAdvanced),
                new("451", 0.15, Only(Track.Categorical)), new("461", 0.1, Only(Track.Categorical)),
                new("999", 0.1, Only(Track.Preliminary)),
            ],
        };
}
