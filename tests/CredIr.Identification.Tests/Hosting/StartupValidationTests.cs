using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CredIr.Identification.Tests.Hosting;

public sealed class StartupValidationTests
{
    [Theory]
    [InlineData("Identification:LookbackDays", "365", "Identification:LookbackDays must be 1 to 90 (LookupEvents keeps 90 days)")]
    [InlineData("Identification:CmdbPath", "/nonexistent/cmdb.json", "Identification:CmdbPath names a file that does not exist")]
    [InlineData("Identification:Notifications:Targets:0:Name", "soc", "Identification:Notifications:Targets:0:Url must be an absolute http or https URL")]
    public async Task BadSetting_FailsStartWithTheKeyAndReason(string key, string value, string expected)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [key] = value });
        builder.AddIdentificationServices();
        await using var app = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains(expected, error.Failures);
    }
}
