namespace MixFleet.Testing;

/// <summary>An executable shell script standing in for a tool (ffmpeg, ffprobe) in tests of how its failures are handled.</summary>
public static class ShellScript
{
    /// <summary>Writes <c>#!/bin/sh</c> and <paramref name="body"/> to <paramref name="directory"/>/<paramref name="name"/>, executable; returns the path.</summary>
    public static string Write(string directory, string name, string body)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }
}
