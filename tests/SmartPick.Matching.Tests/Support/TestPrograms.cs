using SmartPick.Matching.Model;

namespace SmartPick.Matching.Tests.Support;

// The catalog module's namespace is also called Catalog; name the engine's catalog type explicitly.
using Catalog = SmartPick.Matching.Model.Catalog;

/// <summary>Small hand-made catalogs for tests that must not depend on the shared data.</summary>
public static class TestPrograms
{
    public static CatalogProgram Im(string code, string state = "NY", ProgramType type = ProgramType.Community,
        Tristate j1 = Tristate.Unknown, Tristate h1b = Tristate.Unknown, Track track = Track.Categorical) => new()
    {
        ProgramCode = code,
        ProgramName = $"Program {code} - Internal Medicine",
        State = state,
        SpecialtyCode = "140",
        Specialty = "Internal Medicine",
        Track = track,
        ProgramType = type,
        VisaJ1 = j1,
        VisaH1b = h1b,
    };

    /// <summary>A mixed IM catalog: every state group, program type and visa answer, plus one family medicine program.</summary>
    public static Catalog Mixed()
    {
        var states = new[] { "NY", "MI", "TX", "CA", "WA", "GA", "MN", "" };
        var types = new[] { ProgramType.Community, ProgramType.CommunityUniversity, ProgramType.University, ProgramType.Unknown };
        var answers = new[] { Tristate.Unknown, Tristate.Yes, Tristate.No };
        var programs = new List<CatalogProgram>();
        var n = 0;
        foreach (var state in states)
        foreach (var type in types)
        foreach (var j1 in answers)
        foreach (var h1b in answers)
            programs.Add(Im($"{1000 + n++}140C0", state, type, j1, h1b));
        programs.Add(new CatalogProgram
        {
            ProgramCode = "9999120C0", ProgramName = "Family Program", State = "OH", SpecialtyCode = "120", Specialty = "Family Medicine",
        });
        return new Catalog(programs);
    }
}
