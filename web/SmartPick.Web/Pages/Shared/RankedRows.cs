using SmartPick.Advising.Lists;
using SmartPick.Advising.CandidateFiles;
using SmartPick.Matching.Model;

namespace SmartPick.Web.Pages.Shared;

/// <summary>One reason shown under a program: the engine's words when known, its weight signed.</summary>
public sealed record ReasonLine(string Text, double Weight);

/// <summary>One ranked program as the pages show it, from the engine's result or from a recorded list.</summary>
/// <remarks><see cref="Signal"/> is the signal the plan sends ("gold", "silver", or null); <see cref="InNamedRegion"/> whether the program lies in a named census division.</remarks>
public sealed record RankedRow(int Rank, string Code, string Name, string State, double P, Tier Tier, IReadOnlyList<ReasonLine> Reasons,
    string? Signal = null, bool InNamedRegion = false)
{
    public static RankedRow Of(RankedProgram p, int index) => new(index + 1, p.ProgramCode, p.ProgramName, p.State, p.P, p.Tier,
        p.Reasons.Take(1).Concat(p.Reasons.Skip(1).OrderByDescending(r => Math.Abs(r.Weight))).Take(4).Select(r => new ReasonLine(r.Message, r.Weight)).ToList(),
        SignalName(p.Signal), p.InNamedRegion);

    public static RankedRow Of(ListedProgram p, int index) => new(index + 1, p.ProgramCode, p.ProgramName, p.State, p.P, p.Tier,
        p.Reasons.Select(r => new ReasonLine(r.Message ?? Display.Words(r.Code), r.Weight)).ToList(), SignalName(p.Signal), p.InNamedRegion);

    private static string? SignalName(SmartPick.Matching.Model.SignalKind? kind) => kind switch
    {
        SmartPick.Matching.Model.SignalKind.Gold => "gold",
        SmartPick.Matching.Model.SignalKind.Silver => "silver",
        _ => null,
    };
}

public sealed record RankedProgramsModel(IReadOnlyList<RankedRow> Rows, int Total, string Caption = "Ranked programs");

/// <summary>What the application-plan panel shows: the plan, what would unlock programs, the recommended size and the first target specialty.</summary>
public sealed record ApplicationPlanModel(SmartPick.Matching.Model.StrategyPlan Plan, IReadOnlyList<SmartPick.Matching.Model.UnlockItem>? Unlock,
    int Recommended, string? Specialty);
