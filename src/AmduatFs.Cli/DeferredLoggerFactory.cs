using Microsoft.Extensions.Logging;

namespace AmduatFs.Cli;

/// <summary>
/// Builds the real logger factory only when a message passes <paramref name="minimum"/>. Setting up
/// console logging costs about 0.1 s of start-up, and most commands never log anything.
/// </summary>
internal sealed class DeferredLoggerFactory(LogLevel minimum, Func<ILoggerFactory> create) : ILoggerFactory
{
    private readonly LogLevel _minimum = minimum;
    private readonly Lazy<ILoggerFactory> _real = new(create);

    public ILogger CreateLogger(string categoryName) => new DeferredLogger(this, categoryName);

    public void AddProvider(ILoggerProvider provider) => _real.Value.AddProvider(provider);

    public void Dispose()
    {
        if (_real.IsValueCreated) _real.Value.Dispose();
    }

    private sealed class DeferredLogger(DeferredLoggerFactory factory, string category) : ILogger
    {
        private readonly Lazy<ILogger> _real = new(() => factory._real.Value.CreateLogger(category));

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull =>
            IsEnabled(LogLevel.Critical) ? _real.Value.BeginScope(state) : null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= factory._minimum && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) _real.Value.Log(logLevel, eventId, state, exception, formatter);
        }
    }
}
