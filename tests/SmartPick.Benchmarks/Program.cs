using BenchmarkDotNet.Running;

// Run with: dotnet run -c Release --project tests/SmartPick.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
