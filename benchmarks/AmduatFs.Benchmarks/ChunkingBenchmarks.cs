using AmduatFs.Store.Chunking;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;

namespace AmduatFs.Benchmarks;

/// <summary>FastCDC-2020 over a 64 MiB random buffer, whole-buffer split, one thread.</summary>
[Config(typeof(ChunkingConfig))]
public class ChunkingBenchmarks
{
    private const int InputLength = 64 * 1024 * 1024;

    private readonly byte[] _input = new byte[InputLength];
    private readonly List<int> _lengths = new(capacity: 1 << 14);
    private FastCdc2020 _chunker = null!;

    [Params(16 * 1024, ChunkerParameters.DefaultAverage)]
    public int Average { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        new Random(2026).NextBytes(_input);
        _chunker = new FastCdc2020(ChunkerParameters.ForAverage(Average));
    }

    [Benchmark]
    public int Split()
    {
        _lengths.Clear();
        _chunker.Split(_input, _lengths);
        return _lengths.Count;
    }

    private sealed class ChunkingConfig : ManualConfig
    {
        public ChunkingConfig() => AddColumn(StatisticColumn.Median, new ThroughputColumn(InputLength));
    }
}
