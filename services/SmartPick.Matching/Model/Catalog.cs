using System.Security.Cryptography;
using System.Text;

namespace SmartPick.Matching.Model;

/// <summary>
/// An immutable set of programs with a content-hash version: the same rows in the same order always give
/// the same version, so a ranked list can name exactly the catalog it was computed from.
/// </summary>
public sealed class Catalog
{
    public IReadOnlyList<CatalogProgram> Programs { get; }
    /// <summary>"sha256:" and the first 16 hex digits of the SHA-256 of the canonical rows.</summary>
    public string Version { get; }

    public Catalog(IReadOnlyList<CatalogProgram> programs)
    {
        Programs = programs;
        Version = ComputeVersion(programs);
    }

    public static string ComputeVersion(IEnumerable<CatalogProgram> programs)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var p in programs)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(CanonicalLine(p)));
            hash.AppendData("\n"u8);
        }
        return "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    /// <summary>
    /// The row's canonical text. Evidence is appended only when the row has some, so a catalog without evidence
    /// keeps the version it had before evidence columns existed.
    /// </summary>
    private static string CanonicalLine(CatalogProgram p) => !p.HasEvidence ? BaseLine(p) : string.Join('\u001f', BaseLine(p),
        Invariant(p.NonUsImgInterviewRate), Invariant(p.UsImgInterviewRate), Invariant(p.SignalInterviewRate),
        Invariant(p.NoSignalInterviewRate), p.EvidenceSource, p.EvidenceObservedOn);

    private static string? Invariant(decimal? d) => d?.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string BaseLine(CatalogProgram p) => string.Join('\u001f',
        p.ProgramCode, p.ProgramName, p.Institution, p.City, p.State, p.SpecialtyCode, p.Specialty,
        p.Track, p.ProgramType, p.Positions, p.ImgShare?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        p.VisaJ1, p.VisaH1b, p.MinStep2Ck, p.MinStep2CkStrictness, p.MaxYearsSinceGraduation, p.UsceRequired,
        p.MinUsceMonths?.ToString(System.Globalization.CultureInfo.InvariantCulture), p.Notes, p.Source,
        p.ObservedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
}
