namespace CredIr.Cli.Tests;

/// <summary>
/// The real CloudTrail datasets in shared/: CI clones it beside the repository (../shared); a
/// worktree may sit deeper, so the folders above the repository are searched too.
/// </summary>
internal static class Datasets
{
    public static string InvictusStratus
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CredIr.sln")))
            {
                dir = dir.Parent;
            }

            var repo = dir ?? throw new InvalidOperationException($"CredIr.sln not found above {AppContext.BaseDirectory}");
            for (var above = repo.Parent; above is not null; above = above.Parent)
            {
                var path = Path.Combine(above.FullName, "shared", "datasets", "invictus-stratus", "CloudTrail");
                if (Directory.Exists(path))
                {
                    return path;
                }
            }

            throw new InvalidOperationException($"shared/datasets/invictus-stratus is missing: clone shared/ beside the repository ({Path.Combine(repo.FullName, "..", "shared", "datasets")}).");
        }
    }
}
