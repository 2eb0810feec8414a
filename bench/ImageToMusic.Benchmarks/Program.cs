using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(ImageToMusic.Benchmarks.MoodStageBenchmarks).Assembly).Run(args);
