namespace AmduatFs.Fuse;

/// <summary>Mounting or unmounting failed; the message names the cause.</summary>
public sealed class FuseException : Exception
{
    public FuseException(string message) : base(message) { }
    public FuseException(string message, Exception inner) : base(message, inner) { }
}
