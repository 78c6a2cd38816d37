namespace CredIr.Eradication.Tests;

/// <summary>The real CloudTrail datasets (shared/datasets; CREDIR_DATASETS overrides the folder).</summary>
internal static class Datasets
{
    public static string Root { get; } = Locate();

    public static string InvictusStratus => Path.Combine(Root, "invictus-stratus", "CloudTrail");

    public static string StratusDetonations => Path.Combine(Root, "stratus-detonation-logs");

    private static string Locate()
    {
        var root = Environment.GetEnvironmentVariable("CREDIR_DATASETS") ?? "/work/shared/datasets";
        if (!Directory.Exists(Path.Combine(root, "invictus-stratus")))
        {
            throw new DirectoryNotFoundException($"The CloudTrail datasets are not at {root}; set CREDIR_DATASETS to the datasets folder.");
        }

        return root;
    }
}
