using System.Text.RegularExpressions;

namespace CredIr.Cli.Tests;

/// <summary>A fenced code block of README.md between <c>&lt;!-- NAME:begin --&gt;</c> and <c>&lt;!-- NAME:end --&gt;</c>, exactly as a reader copies it.</summary>
internal static partial class ReadmeSnippet
{
    public static string Get(string name)
    {
        var readme = File.ReadAllText(RepoRoot.Combine("README.md"));
        var begin = readme.IndexOf($"<!-- {name}:begin -->", StringComparison.Ordinal);
        var end = readme.IndexOf($"<!-- {name}:end -->", StringComparison.Ordinal);
        if (begin < 0 || end < begin)
        {
            throw new InvalidOperationException($"README.md has no <!-- {name}:begin --> ... <!-- {name}:end --> block");
        }

        var match = Fence().Match(readme[begin..end]);
        return match.Success ? match.Groups["code"].Value : throw new InvalidOperationException($"README.md block {name} holds no fenced code");
    }

    /// <summary>A fenced code block; group "code" is its text.</summary>
    [GeneratedRegex("```[a-z]*\\n(?<code>.*?)```", RegexOptions.Singleline)]
    internal static partial Regex Fence();
}
