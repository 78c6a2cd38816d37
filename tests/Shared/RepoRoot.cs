namespace CredIr.Tests;

/// <summary>
/// The clone under test: the folder holding CredIr.sln, found by walking up from the test binaries
/// so any clone or worktree location works. Linked into every test project that reads repository files.
/// </summary>
internal static class RepoRoot
{
    private static readonly Lazy<string?> Located = new(Locate);

    /// <summary>The clone's root folder; throws saying where it looked when there is none.</summary>
    public static string Folder => Located.Value
        ?? throw new DirectoryNotFoundException($"No folder holding CredIr.sln above {AppContext.BaseDirectory}: run the tests from a clone of the repository.");

    /// <summary>The clone's root folder, or null when the binaries are not inside a clone.</summary>
    public static string? TryFolder => Located.Value;

    /// <summary>A path inside the clone, from its parts relative to the root.</summary>
    public static string Combine(params string[] parts) => Path.Combine([Folder, .. parts]);

    private static string? Locate()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "CredIr.sln")))
            {
                return folder.FullName;
            }
        }

        return null;
    }
}
