using Marten;
using Marten.Services.BatchQuerying;
using SmartPick.Advising.CandidateFiles;

namespace SmartPick.Advising.Views;

/// <summary>The inline views a file's facts update (besides its profile): read with the file in one round trip.</summary>
internal sealed class InlineFileViews : IInlineFileViews
{
    public void Preload(IBatchedQuery batch, IDocumentSession session, Guid candidateId)
    {
        batch.Preload<CandidateSummary>(session, candidateId);
        batch.Preload<ProgressSinceLastCycle>(session, candidateId);
        batch.Preload<CyclesSideBySide>(session, candidateId);
    }
}
