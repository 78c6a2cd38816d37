using CredIr.Eradication.Trails.Athena;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CredIr.Eradication.Tests.Trails.Athena;

/// <summary>The named Athena targets as a host binds and checks them at start (Eradication:Athena:Targets).</summary>
public sealed class AthenaTargetConfigurationTests
{
    private static AthenaSourceOptions Bind(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder();
        foreach (var (key, value) in settings)
        {
            builder.Configuration[key] = value;
        }

        builder.AddEradicationServices();
        using var host = builder.Build();
        return host.Services.GetRequiredService<IOptions<AthenaSourceOptions>>().Value;
    }

    [Fact]
    public void NamedTarget_UnsetSettingsAreTheSections()
    {
        var options = Bind(
            ("Eradication:Athena:OutputLocation", "s3://results/"),
            ("Eradication:Athena:Targets:archive:Table", "archive_trail"),
            ("Eradication:Athena:Targets:archive:CreateTable", "true"),
            ("Eradication:Athena:Targets:archive:TrailLocation", "s3://archive/AWSLogs/o-abcd123456/"));

        var archive = options.Resolve("archive");

        Assert.Equal(new AthenaTarget("cloudtrail", "archive_trail", "primary", "s3://results/", true, "s3://archive/AWSLogs/o-abcd123456/", null), archive);
        Assert.Null(options.Resolve("Archive"));
        Assert.Equal(new AthenaTarget("cloudtrail", "organization_trail", "primary", "s3://results/", false, null, null), options.Resolve(null));
    }

    [Theory]
    [InlineData("Eradication:Athena:Targets:archive:Table", "trail; DROP TABLE x", "Eradication:Athena:Targets:archive:Table")]
    [InlineData("Eradication:Athena:Targets:archive:CreateTable", "true", "Eradication:Athena:Targets:archive:TrailLocation")]
    [InlineData("Eradication:Athena:Targets:archive:OutputLocation", "/tmp/results", "Eradication:Athena:Targets:archive:OutputLocation")]
    [InlineData("Eradication:Athena:Targets:a b:Table", "archive_trail", "Eradication:Athena:Targets:a b")]
    [InlineData("Eradication:Athena:Table", "Bad-Name", "Eradication:Athena:Table")]
    public void BadTarget_FailsAtStart_NamingTheKeyToFix(string key, string value, string named)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Bind((key, value)));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }
}
