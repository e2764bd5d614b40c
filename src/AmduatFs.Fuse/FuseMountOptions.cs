namespace AmduatFs.Fuse;

/// <summary>How <see cref="FuseSession.Mount"/> mounts and runs a filesystem.</summary>
public sealed class FuseMountOptions
{
    /// <summary>The "source" shown in mount tables.</summary>
    public string FsName { get; set; } = "amduatfs";

    /// <summary>The type is shown as fuse.&lt;Subtype&gt;.</summary>
    public string Subtype { get; set; } = "amduatfs";

    /// <summary>Let users other than the mounting one in (non-root needs user_allow_other in /etc/fuse.conf).</summary>
    public bool AllowOther { get; set; }

    /// <summary>The kernel checks mode bits, owner and group itself.</summary>
    public bool DefaultPermissions { get; set; } = true;

    /// <summary>libfuse leaves a fusermount3 watchdog that unmounts when this process dies, even by SIGKILL.</summary>
    public bool AutoUnmount { get; set; }

    public bool ReadOnly { get; set; }

    /// <summary>Threads serving requests (filesystem methods run concurrently on them).</summary>
    public int Threads { get; set; } = 4;

    /// <summary>
    /// How long a thread that has just answered a request keeps polling for the next one before it sleeps
    /// (0: never). Saves waking a thread for each of a program's back-to-back requests; costs up to one CPU
    /// while requests keep coming.
    /// </summary>
    public int PollMicroseconds { get; set; } = 50;

    /// <summary>
    /// Written to /sys/class/bdi/&lt;major:minor&gt;/read_ahead_kb after mounting (best effort, needs root):
    /// 1024 makes buffered reads arrive as 1 MiB requests instead of 128 KiB. Null keeps the kernel default.
    /// </summary>
    public int? ReadAheadKb { get; set; } = 1024;

    /// <summary>Further raw -o options, e.g. "max_read=131072".</summary>
    public IList<string> ExtraOptions { get; } = [];

    internal string OptionString()
    {
        var options = new List<string> { "fsname=" + Escape(FsName), "subtype=" + Escape(Subtype) };
        if (DefaultPermissions) options.Add("default_permissions");
        if (AllowOther) options.Add("allow_other");
        if (AutoUnmount) options.Add("auto_unmount");
        if (ReadOnly) options.Add("ro");
        options.AddRange(ExtraOptions);
        return string.Join(',', options);
    }

    // libfuse's option parser splits on ',' unless escaped with '\'.
    private static string Escape(string value) => value.Replace("\\", "\\\\").Replace(",", "\\,");
}
