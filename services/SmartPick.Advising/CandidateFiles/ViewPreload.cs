using Marten;
using Marten.Services.BatchQuerying;

namespace SmartPick.Advising.CandidateFiles;

internal static class ViewPreload
{
    /// <summary>
    /// Reads an inline view in the batch and keeps it in the session (identity map for its type), so that the
    /// inline projection updating it when the session saves finds it there instead of reading it on its own.
    /// </summary>
    public static void Preload<TView>(this IBatchedQuery batch, IDocumentSession session, Guid id) where TView : class
    {
        session.UseIdentityMapFor<TView>();
        // Read for the session's sake only; the batch's own execution reports any failure.
        _ = batch.Load<TView>(id);
    }
}
