using SmartPick.Advising.CandidateFiles;

namespace SmartPick.Web.Pages.Shared;

/// <summary>How a page shows what the candidate-file door answered: field errors on their fields, the rest above the form.</summary>
public static class FileOutcomeForms
{
    /// <summary>Puts what <paramref name="outcome"/> says onto the form; returns the status the page answers with.</summary>
    public static int Take(this FormErrors errors, FileOutcome outcome, IReadOnlyDictionary<string, string> fieldFor)
    {
        switch (outcome)
        {
            case FileOutcome.Invalid invalid:
                var mapped = FormErrors.From(invalid.Errors.ToDictionary(), fieldFor, []);
                foreach (var (field, messages) in mapped.Fields) foreach (var m in messages) errors.Add(field, m);
                foreach (var g in mapped.General) errors.AddGeneral(g);
                return StatusCodes.Status400BadRequest;
            case FileOutcome.NotFound notFound:
                errors.AddGeneral(notFound.Detail);
                return StatusCodes.Status404NotFound;
            case FileOutcome.Conflict conflict:
                errors.AddGeneral(conflict.Detail);
                return StatusCodes.Status409Conflict;
            case FileOutcome.Stale:
                errors.AddGeneral("The file has changed since you read it. Read it again and retry.");
                return StatusCodes.Status412PreconditionFailed;
            default:
                errors.AddGeneral("The request could not be completed.");
                return StatusCodes.Status500InternalServerError;
        }
    }
}
