namespace CredIr.Tests;

/// <summary>
/// The real CloudTrail datasets, kept in the repository at <c>tests/datasets</c> (found by walking up from the
/// test binaries to the folder holding CredIr.sln, so any clone location works); CREDIR_DATASETS overrides it.
/// Linked into every project that reads them; a project adds its own readers in another part.
/// </summary>
internal static partial class Datasets
{
    public const string Variable = "CREDIR_DATASETS";

    private static readonly Lazy<string> Located = new(Locate);

    public static string Root => Located.Value;

    public static string InvictusStratus => Path.Combine(Root, "invictus-stratus", "CloudTrail");

    public static string StratusDetonations => Path.Combine(Root, "stratus-detonation-logs");

    private static string Locate()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured)
        {
            return Directory.Exists(configured)
                ? Path.GetFullPath(configured)
                : throw new DirectoryNotFoundException($"{Variable} is set to '{configured}', which is not a folder; point it at the CloudTrail datasets folder.");
        }

        var repository = RepoRoot.TryFolder
            ?? throw new DirectoryNotFoundException($"No folder holding CredIr.sln above {AppContext.BaseDirectory}; set {Variable} to the CloudTrail datasets folder.");
        var datasets = Path.Combine(repository, "tests", "datasets");
        return Directory.Exists(datasets)
            ? datasets
            : throw new DirectoryNotFoundException($"The CloudTrail datasets are not at {datasets} (they are part of the repository: is the clone complete?); set {Variable} to their folder.");
    }
}
