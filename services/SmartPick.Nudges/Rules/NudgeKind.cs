namespace SmartPick.Nudges.Rules;

/// <summary>The kinds of email nudge.</summary>
public enum NudgeKind
{
    /// <summary>Before ERAS opens, to a candidate whose last cycle ended unmatched.</summary>
    Reapplication,

    /// <summary>Before the rank order list deadline, to a candidate with interviews and no certified list.</summary>
    RankList,
}
