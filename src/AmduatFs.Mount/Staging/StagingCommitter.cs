using Microsoft.Extensions.Logging;

namespace AmduatFs.Mount.Staging;

/// <summary>
/// Group commit for staging: a change schedules a commit that runs at most <c>delay</c> later, so many
/// closes share one durable log write; <see cref="CommitNow"/> runs one at once (fsync, snapshot, unmount).
/// </summary>
internal sealed class StagingCommitter : IDisposable
{
    private readonly Action _round;
    private readonly TimeSpan _delay;
    private readonly ILogger _logger;
    private readonly object _gate = new();
    private readonly object _commitLock = new();
    private readonly Thread _thread;
    private bool _scheduled;
    private bool _stopping;

    public StagingCommitter(Action round, TimeSpan delay, ILogger logger, string name)
    {
        _round = round;
        _delay = delay;
        _logger = logger;
        _thread = new Thread(Loop) { IsBackground = true, Name = name };
        _thread.Start();
    }

    public void Schedule()
    {
        lock (_gate)
        {
            if (_scheduled) return;
            _scheduled = true;
            Monitor.Pulse(_gate);
        }
    }

    /// <exception cref="IOException">the commit failed; nothing of this round was acknowledged.</exception>
    public void CommitNow()
    {
        lock (_commitLock)
        {
            lock (_gate) _scheduled = false;
            _round();
        }
    }

    private void Loop()
    {
        while (true)
        {
            lock (_gate)
            {
                while (!_scheduled && !_stopping) Monitor.Wait(_gate);
                if (_stopping) return;
            }
            Thread.Sleep(_delay);
            try
            {
                CommitNow();
            }
            catch (Exception e)
            {
                _logger.LogError(e, "staging commit failed; retrying");
                Schedule();
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _stopping = true;
            Monitor.Pulse(_gate);
        }
        _thread.Join();
    }
}
