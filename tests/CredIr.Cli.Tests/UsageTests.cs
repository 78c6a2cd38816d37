namespace CredIr.Cli.Tests;

public sealed class UsageTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    [Theory]
    [InlineData("demo", "credir demo --out")]
    [InlineData("scan", "credir scan --access-key")]
    [InlineData("serve", "credir serve --store")]
    [InlineData("sandbox", "credir sandbox --scenario")]
    [InlineData("respond", "credir respond --access-key")]
    [InlineData("incidents list", "credir incidents list --phase")]
    [InlineData("incidents show", "credir incidents show inc-")]
    [InlineData("incidents watch", "credir incidents watch inc-")]
    [InlineData("incidents approve", "credir incidents approve inc-")]
    [InlineData("incidents close", "credir incidents close inc-")]
    [InlineData("report", "credir report inc-")]
    [InlineData("evidence verify", "credir evidence verify inc-")]
    public async Task Help_OfEachCommand_ListsItsExamples(string command, string example)
    {
        var result = await Credir.RunAsync([.. command.Split(' '), "--help"], Timeout);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Examples:", result.Stdout, StringComparison.Ordinal);
        Assert.Contains(example, result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_OfServe_PutsNoPasswordOnACommandLine()
    {
        var result = await Credir.RunAsync(["serve", "--help"], Timeout);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotMatch(@"credir serve [^\n]*postgres://[^@\s]*:[^@\s]*@", result.Stdout);
        Assert.Contains("Incidents__Store=postgres://credir:PASSWORD@db:5432/credir", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("scan", "--bogus")]
    [InlineData("demo", "--scenario")]
    [InlineData("serve", "--services", "incidents,nope")]
    [InlineData("report", "inc-1", "--format", "pdf")]
    [InlineData("incidents", "list", "--phase", "done")]
    [InlineData("incidents", "list", "--server", "ftp://example")]
    public async Task BadOption_PrintsOneLineOnStderrAndExits2(params string[] args)
    {
        var result = await Credir.RunAsync(args, Timeout);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Single(result.Stderr.Trim().Split('\n'));
        Assert.StartsWith("credir: ", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Stdout);
    }
}
