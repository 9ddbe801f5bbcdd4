namespace SmartPick.Matching.Model;

/// <summary>
/// Parts of a profile whose lists are unknown rather than empty. An empty <c>Usce</c> list means "no USCE"
/// unless <see cref="Usce"/> is flagged here; the JSON reader flags every list that was omitted.
/// </summary>
[Flags]
public enum ProfileSections
{
    None = 0,
    Exams = 1,
    Usce = 2,
    Letters = 4,
    Research = 8,
    PreviousCycles = 16,
}
