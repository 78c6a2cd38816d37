namespace CredIr.Aws.Tests.Org;

public sealed class SessionNamesTests
{
    [Theory]
    [InlineData("INC-42", "credir-INC-42")]
    [InlineData("inc 42/eu#1", "credir-inc-42-eu-1")]
    [InlineData("a+b=c,d.e@f_g", "credir-a+b=c,d.e@f_g")]
    public void ForIncident_ReplacesCharactersStsRefuses(string incident, string expected) =>
        Assert.Equal(expected, SessionNames.ForIncident(incident));

    [Fact]
    public void ForIncident_LongId_CutsTo64Characters()
    {
        var name = SessionNames.ForIncident(new string('x', 200));

        Assert.Equal(64, name.Length);
        Assert.StartsWith("credir-", name, StringComparison.Ordinal);
    }
}
