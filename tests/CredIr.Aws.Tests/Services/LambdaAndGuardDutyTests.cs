using System.Text.Json;
using CredIr.Aws.Tests.Support;

namespace CredIr.Aws.Tests.Services;

public sealed class LambdaAndGuardDutyTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private const string Trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    [Fact]
    public async Task Functions_CreateGetListDelete_AreVisibleThenGone()
    {
        using var clients = SandboxClients.Create(fixture.Sandbox);
        var admin = clients.Admin();
        var role = (await admin.Iam.CreateRoleAsync(new CreateRoleRequest("fn-role", Trust))).Role;
        for (var i = 0; i < 3; i++)
        {
            await admin.Lambda.CreateFunctionAsync(new CreateFunctionRequest($"miner-{i}", role.Arn, "PK\u0005\u0006"u8.ToArray()));
        }

        var got = await admin.Lambda.GetFunctionAsync(new GetFunctionRequest("miner-0"));
        var listed = await admin.Lambda.ListFunctionsAsync(new ListFunctionsRequest(MaxItems: 2)).ToListAsync();
        await admin.Lambda.DeleteFunctionAsync(new DeleteFunctionRequest("miner-0"));
        var gone = await Assert.ThrowsAsync<AwsServiceException>(() => admin.Lambda.GetFunctionAsync(new GetFunctionRequest("miner-0")));

        Assert.Equal(role.Arn, got.Configuration.Role);
        Assert.EndsWith(":function:miner-0", got.Configuration.FunctionArn, StringComparison.Ordinal);
        Assert.Equal(["miner-0", "miner-1", "miner-2"], listed.Select(f => f.FunctionName).Order());
        Assert.Equal("ResourceNotFoundException", gone.Code);
        Assert.Equal(404, (int)gone.HttpStatus);
    }

    [Fact]
    public async Task Findings_ListAndGet_ReturnKeyFieldsAndRawJson()
    {
        using var clients = SandboxClients.Create(fixture.Sandbox);
        var guardDuty = clients.Admin().GuardDuty;

        var detectorId = Assert.Single(await guardDuty.ListDetectorsAsync().ToListAsync());
        var ids = await guardDuty.ListFindingsAsync(new ListFindingsRequest(detectorId)).ToListAsync();
        var finding = Assert.Single((await guardDuty.GetFindingsAsync(new GetFindingsRequest(detectorId, ids))).Findings);

        Assert.Equal(TestScenario.FindingId, finding.Id);
        Assert.Equal("ASIAEXAMPLELEAKED01", finding.AccessKeyId);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 9, 58, 0, TimeSpan.Zero), finding.EventFirstSeen);
        Assert.Equal(8, finding.Severity);
        using var raw = JsonDocument.Parse(finding.RawJson);
        Assert.Equal("web-role", raw.RootElement.GetProperty("resource").GetProperty("accessKeyDetails").GetProperty("userName").GetString());
    }

    [Fact]
    public async Task ListFindings_DetectorOfAnotherAccount_ThrowsBadRequest()
    {
        using var clients = SandboxClients.Create(fixture.Sandbox);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            clients.Admin(TestScenario.Workload).GuardDuty.ListFindingsAsync(new ListFindingsRequest("0123456789abcdef0123456789abcdef")).ToListAsync());

        Assert.Equal("BadRequestException", error.Code);
    }
}
