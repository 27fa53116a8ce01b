using System.Globalization;

namespace ECms.Conformance.Containers;

/// <summary>
/// "machine/pid/start" of a process, so a container's owner can later be told dead (gone, or its pid reused) from
/// alive. The start is the kernel's start time in clock ticks after boot (/proc/PID/stat field 22): exact and stable.
/// </summary>
internal static class ProcessIdentity
{
    public static string Current { get; } = Of(Environment.ProcessId) ?? $"{Environment.MachineName}/{Environment.ProcessId}/?";

    /// <summary>The identity of a live process on this machine, or null if there is none with that pid.</summary>
    public static string? Of(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        // Fields after the command name (which may hold spaces and parentheses): state is field 3, start time field 22.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return fields.Length > 19 ? $"{Environment.MachineName}/{pid}/{fields[19]}" : null;
    }

    /// <summary>True when <paramref name="identity"/> was made on this machine by a process that no longer runs.</summary>
    public static bool IsDeadHere(string identity)
    {
        var parts = identity.Split('/');
        // "?" = made where /proc was not readable: nothing can be proven dead then, so nothing is.
        if (parts.Length != 3 || parts[0] != Environment.MachineName || parts[2] == "?" || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
        {
            return false;
        }

        return Of(pid) != identity;
    }
}
