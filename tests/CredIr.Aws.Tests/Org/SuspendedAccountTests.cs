using Amazon.Runtime;
using CredIr.Aws.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CredIr.Aws.Tests.Org;

/// <summary>
/// The sandbox cannot seed a SUSPENDED account, so Organizations and STS answers are served here
/// on loopback in their wire shapes: a suspended account must be reported, not entered.
/// </summary>
public sealed class SuspendedAccountTests : IAsyncLifetime
{
    private readonly List<string> _assumed = [];
    private WebApplication? _app;
    private Uri? _endpoint;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.Run(HandleAsync);
        await _app.StartAsync();
        _endpoint = new Uri(_app.Urls.First());
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public async Task EnterAll_SuspendedMember_IsReportedAndNeverAssumed()
    {
        using var http = new HttpClient();
        using var runtime = new AwsRuntime(http, new AwsClientOptions { EndpointUrl = _endpoint, UseEnvironmentEndpoints = false, Region = "us-east-1" });
        using var sessions = new OrganizationSessions(runtime.CreateScope(new BasicAWSCredentials("AKIDEXAMPLE", "secret")), "INC-3");

        var report = await sessions.EnterAllAsync();

        Assert.Equal(["111111111111", "222222222222"], report.Entered.Select(s => s.AccountId));
        var suspended = Assert.Single(report.NotEntered);
        Assert.Equal(("444444444444", "AccountSuspended"), (suspended.AccountId, suspended.Code));
        Assert.Equal(["arn:aws:iam::222222222222:role/OrganizationAccountAccessRole"], _assumed);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var target = context.Request.Headers["X-Amz-Target"].ToString();
        if (target == "AWSOrganizationsV20161128.ListAccounts")
        {
            context.Response.ContentType = "application/x-amz-json-1.1";
            await context.Response.WriteAsync("""
                {"Accounts":[
                  {"Id":"111111111111","Arn":"arn:aws:organizations::111111111111:account/o-x/111111111111","Name":"management","Status":"ACTIVE","JoinedTimestamp":1.7E9},
                  {"Id":"222222222222","Arn":"arn:aws:organizations::111111111111:account/o-x/222222222222","Name":"prod","Status":"ACTIVE"},
                  {"Id":"444444444444","Arn":"arn:aws:organizations::111111111111:account/o-x/444444444444","Name":"closed","Status":"SUSPENDED"}]}
                """);
            return;
        }

        var form = await context.Request.ReadFormAsync();
        context.Response.ContentType = "text/xml";
        if (form["Action"] == "GetCallerIdentity")
        {
            await context.Response.WriteAsync("""
                <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult>
                <Arn>arn:aws:iam::111111111111:user/responder</Arn><UserId>AIDAEXAMPLE</UserId><Account>111111111111</Account>
                </GetCallerIdentityResult><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></GetCallerIdentityResponse>
                """);
            return;
        }

        lock (_assumed)
        {
            _assumed.Add(form["RoleArn"].ToString());
        }

        await context.Response.WriteAsync("""
            <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult>
            <Credentials><AccessKeyId>ASIAEXAMPLE</AccessKeyId><SecretAccessKey>s</SecretAccessKey><SessionToken>t</SessionToken><Expiration>2099-01-01T00:00:00Z</Expiration></Credentials>
            <AssumedRoleUser><AssumedRoleId>AROAEXAMPLE:credir-INC-3</AssumedRoleId><Arn>arn:aws:sts::222222222222:assumed-role/OrganizationAccountAccessRole/credir-INC-3</Arn></AssumedRoleUser>
            </AssumeRoleResult><ResponseMetadata><RequestId>r-2</RequestId></ResponseMetadata></AssumeRoleResponse>
            """);
    }
}
