namespace CredIr.Identification.Tests.Support;

internal static class RepoPaths
{
    /// <summary>The repository root (the folder holding CredIr.sln), found upwards from the test binaries.</summary>
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "CredIr.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new DirectoryNotFoundException("CredIr.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
