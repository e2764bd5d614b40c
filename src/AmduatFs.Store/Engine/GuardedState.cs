using AmduatFs.Store.Replay;

namespace AmduatFs.Store.Engine;

/// <summary>
/// Serialises access to the replay state: queries from any thread share it, while a commit applies its
/// records alone. Commits are further serialised by the store's commit gate, so the committing thread may
/// read the state without this lock.
/// </summary>
internal sealed class GuardedState(ReplayState state) : IDisposable
{
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);

    public T Read<T>(Func<ReplayState, T> query)
    {
        _lock.EnterReadLock();
        try { return query(state); }
        finally { _lock.ExitReadLock(); }
    }

    public void Write(Action<ReplayState> change)
    {
        _lock.EnterWriteLock();
        try { change(state); }
        finally { _lock.ExitWriteLock(); }
    }

    public void Dispose() => _lock.Dispose();
}
