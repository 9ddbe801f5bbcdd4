using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Attributes;
using SmartPick.Matching;
using SmartPick.Matching.Model;

namespace SmartPick.Benchmarks.Matching;

/// <summary>
/// One candidate against the 6,264-program shared catalog, including the optimizer and the rebuild what-if
/// the advice uses; the baseline reads every program once, the floor any ranking must pay. Run under both garbage
/// collectors: the web host's (server, the default of ASP.NET Core) and a plain process's (workstation).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(BothCollectors))]
public class MatchingEngineBenchmarks
{
    private SmartPick.Matching.Model.Catalog _catalog = null!;
    private CandidateProfile _profile = null!;

    [GlobalSetup]
    public void Setup()
    {
        _catalog = BenchmarkData.LoadSharedCatalog();
        _profile = BenchmarkData.WorkedExample();
    }

    [Benchmark(Baseline = true, Description = "Read every program once")]
    public int ReadEveryProgramOnce()
    {
        var sum = 0;
        foreach (var p in _catalog.Programs)
            sum += p.ProgramCode.Length + p.State.Length + (int)p.VisaJ1 + (p.ImgShare is null ? 0 : 1);
        return sum;
    }

    [Benchmark(Description = "Rank one candidate (IM, worked example)")]
    public RankResult RankOneCandidate() => MatchingEngine.Rank(_profile, _catalog);
}

/// <summary>A cohort of 10,000 varied candidates re-ranked against the shared catalog, as after a catalog change.</summary>
[MemoryDiagnoser]
public class MatchingCohortBenchmarks
{
    private SmartPick.Matching.Model.Catalog _catalog = null!;
    private CandidateProfile[] _cohort = null!;

    [GlobalSetup]
    public void Setup()
    {
        _catalog = BenchmarkData.LoadSharedCatalog();
        _cohort = BenchmarkData.Cohort(10_000);
    }

    [Benchmark(Baseline = true, Description = "Read every program once per candidate")]
    public long ReadEveryProgramOncePerCandidate()
    {
        long sum = 0;
        foreach (var _ in _cohort)
            foreach (var p in _catalog.Programs)
                sum += p.ProgramCode.Length + p.State.Length + (int)p.VisaJ1;
        return sum;
    }

    [Benchmark(Description = "Rank 10,000 candidates")]
    public long RankCohort()
    {
        long sum = 0;
        foreach (var profile in _cohort) sum += MatchingEngine.Rank(profile, _catalog).RecommendedApplications;
        return sum;
    }
}

/// <summary>ShortRun under the server and under the workstation garbage collector.</summary>
internal sealed class BothCollectors : BenchmarkDotNet.Configs.ManualConfig
{
    public BothCollectors()
    {
        AddJob(BenchmarkDotNet.Jobs.Job.ShortRun.WithGcServer(true).WithId("server GC"));
        AddJob(BenchmarkDotNet.Jobs.Job.ShortRun.WithGcServer(false).WithId("workstation GC"));
    }
}
