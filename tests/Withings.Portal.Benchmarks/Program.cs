using BenchmarkDotNet.Running;

// Figures and the commands that produced them are kept in docs/PERFORMANCE.md.
BenchmarkSwitcher.FromAssembly(typeof(Withings.Portal.Benchmarks.RepositoryPaths).Assembly).Run(args);
