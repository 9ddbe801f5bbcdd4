using SmartPick.Advising.CandidateFiles;
using SmartPick.Matching.Model;

namespace SmartPick.Web.Pages.Shared;

/// <summary>One reason shown under a program: the engine's words when known, its weight signed.</summary>
public sealed record ReasonLine(string Text, double Weight);

/// <summary>One ranked program as the pages show it, from the engine's result or from a recorded list.</summary>
public sealed record RankedRow(int Rank, string Code, string Name, string State, double P, Tier Tier, IReadOnlyList<ReasonLine> Reasons)
{
    public static RankedRow Of(RankedProgram p, int index) => new(index + 1, p.ProgramCode, p.ProgramName, p.State, p.P, p.Tier,
        p.Reasons.OrderByDescending(r => Math.Abs(r.Weight)).Take(4).Select(r => new ReasonLine(r.Message, r.Weight)).ToList());

    public static RankedRow Of(ListedProgram p, int index) => new(index + 1, p.ProgramCode, p.ProgramName, p.State, p.P, p.Tier,
        p.Reasons.Select(r => new ReasonLine(r.Message ?? Display.Words(r.Code), r.Weight)).ToList());
}

public sealed record RankedProgramsModel(IReadOnlyList<RankedRow> Rows, int Total, string Caption = "Ranked programs");
