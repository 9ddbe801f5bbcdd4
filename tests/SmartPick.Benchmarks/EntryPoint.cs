using BenchmarkDotNet.Running;
using SmartPick.Benchmarks.Attack;
using SmartPick.Benchmarks.Cohort;
using SmartPick.Benchmarks.Harness;
using SmartPick.Benchmarks.Load;
using SmartPick.Benchmarks.Rebuild;

namespace SmartPick.Benchmarks;

/// <summary>
/// <c>load</c>, <c>rebuild</c>, <c>cohort</c> and <c>attack</c> run the end-to-end harnesses against PostgreSQL; any other
/// arguments go to BenchmarkDotNet (e.g. <c>--filter '*Matching*'</c>).
/// </summary>
public static class EntryPoint
{
    public static async Task<int> Main(string[] args)
    {
        try
        {
            switch (args.FirstOrDefault())
            {
                case "load":
                    return await LoadCommand.RunAsync(HarnessOptions.Parse(args[1..]));
                case "rebuild":
                    return await RebuildCommand.RunAsync(HarnessOptions.Parse(args[1..]));
                case "attack":
                    return await AttackCommand.RunAsync(args.ElementAtOrDefault(1), HarnessOptions.Parse(args.Length > 2 ? args[2..] : []));
                case "cohort":
                    return await CohortCommand.RunAsync(HarnessOptions.Parse(args[1..]));
                default:
                    BenchmarkSwitcher.FromAssembly(typeof(EntryPoint).Assembly).Run(args);
                    return 0;
            }
        }
        catch (HarnessUsageException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }
    }
}
