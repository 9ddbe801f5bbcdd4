namespace SmartPick.Matching.Json;

/// <summary>One problem with an input, named by its JSON path (e.g. <c>exams[0].score</c>).</summary>
public sealed record FieldError(string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}
