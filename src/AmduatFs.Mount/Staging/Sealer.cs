using Microsoft.Extensions.Logging;

namespace AmduatFs.Mount.Staging;

/// <summary>
/// Seals closed staging files on a thread of its own, in the order they were closed, so close(2) returns
/// while the previous file is chunked and stored: copying many files keeps both the writer and the store busy.
/// </summary>
internal sealed class Sealer : IDisposable
{
    private readonly Queue<StagingFile> _queue = new();
    private readonly ILogger _logger;
    private readonly Thread _thread;
    private int _busy;
    private bool _stopping;

    public Sealer(ILogger logger, string name)
    {
        _logger = logger;
        _thread = new Thread(Loop) { IsBackground = true, Name = name };
        _thread.Start();
    }

    public void Enqueue(StagingFile file)
    {
        lock (_queue)
        {
            _queue.Enqueue(file);
            Monitor.PulseAll(_queue);
        }
    }

    /// <summary>Returns once every file queued before the call is sealed (or its seal failed and was logged).</summary>
    public void Drain()
    {
        lock (_queue)
            while (_queue.Count > 0 || _busy > 0) Monitor.Wait(_queue);
    }

    private void Loop()
    {
        while (true)
        {
            StagingFile file;
            lock (_queue)
            {
                while (_queue.Count == 0 && !_stopping) Monitor.Wait(_queue);
                if (_queue.Count == 0) return;
                file = _queue.Dequeue();
                _busy++;
            }
            try
            {
                file.SealQueued();
            }
            catch (Exception e)
            {
                _logger.LogError(e, "sealing a staging file failed; it stays unsealed until its next close or fsync");
            }
            finally
            {
                lock (_queue)
                {
                    _busy--;
                    Monitor.PulseAll(_queue);
                }
            }
        }
    }

    public void Dispose()
    {
        lock (_queue)
        {
            _stopping = true;
            Monitor.PulseAll(_queue);
        }
        _thread.Join();
    }
}
