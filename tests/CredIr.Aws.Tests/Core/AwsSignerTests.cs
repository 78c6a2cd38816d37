using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Amazon.Runtime;

namespace CredIr.Aws.Tests.Core;

/// <summary>Our requests, signed by AWSSDK.Core's signer, checked against botocore's independent SigV4.</summary>
public sealed class AwsSignerTests
{
    private static readonly ImmutableCredentials Keys = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", null);
    private static readonly DateTimeOffset SignedAt = new(2015, 8, 30, 12, 36, 0, TimeSpan.Zero);

    [Fact]
    public async Task QueryPost_IamForm_MatchesBotocoreSignature()
    {
        var request = new QueryRequest("ListUsers", "2010-05-08").Add("PathPrefix", "/ops team/").Build();
        var endpoint = new AwsEndpoint(new Uri("http://127.0.0.1:4566"), "us-east-1", true);

        using var message = AwsSigner.Sign(request, endpoint, "iam", Keys, SignedAt);

        Assert.Equal(await BotocoreSignatureAsync(message, "iam", "us-east-1", Keys), SignatureOf(message));
        Assert.Equal("20150830T123600Z", message.Headers.GetValues("X-Amz-Date").Single());
    }

    [Fact]
    public async Task S3Get_KeyWithSpacesAndQuery_MatchesBotocoreSignature()
    {
        var request = new AwsHttpRequest("HeadObject", HttpMethod.Get) { ResourcePath = "/{Bucket}/{Key+}", UseDoubleEncoding = false };
        request.PathResources["{Bucket}"] = "evidence";
        request.PathResources["{Key+}"] = "logs/2015 08/a+b.json.gz";
        request.Query["versionId"] = "3/L4kqtJl40Nr8X8gdRQBpUMLUo";
        var endpoint = new AwsEndpoint(new Uri("http://127.0.0.1:4566"), "eu-west-1", true);

        using var message = AwsSigner.Sign(request, endpoint, "s3", Keys, SignedAt);

        Assert.Equal(await BotocoreSignatureAsync(message, "s3", "eu-west-1", Keys), SignatureOf(message));
        Assert.Contains("/evidence/logs/2015%2008/", message.RequestUri!.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json11_SessionCredentials_SignsTheSecurityToken()
    {
        var session = new ImmutableCredentials("ASIAEXAMPLE", "secret/with+chars", "FQoGZXIvYXdzTOKEN");
        var request = Json.Target("com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101", "LookupEvents", Json.Object().Set("MaxResults", 50));
        var endpoint = new AwsEndpoint(new Uri("https://cloudtrail.us-west-2.amazonaws.com"), "us-west-2", false);

        using var message = AwsSigner.Sign(request, endpoint, "cloudtrail", session, SignedAt);

        Assert.Equal("FQoGZXIvYXdzTOKEN", message.Headers.GetValues("X-Amz-Security-Token").Single());
        Assert.Contains("x-amz-security-token", message.Headers.Authorization!.Parameter, StringComparison.Ordinal);
        Assert.Equal(await BotocoreSignatureAsync(message, "cloudtrail", "us-west-2", session), SignatureOf(message));
    }

    private static string SignatureOf(HttpRequestMessage message)
    {
        var parameter = message.Headers.Authorization?.Parameter ?? throw new InvalidOperationException("The request is not signed.");
        return parameter[(parameter.IndexOf("Signature=", StringComparison.Ordinal) + "Signature=".Length)..];
    }

    private static async Task<string> BotocoreSignatureAsync(HttpRequestMessage message, string service, string region, ImmutableCredentials credentials)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["host"] = message.RequestUri!.Authority,
        };
        foreach (var header in message.Headers.Concat(message.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>()))
        {
            headers[header.Key] = string.Join(',', header.Value);
        }

        var body = message.Content is null ? [] : await message.Content.ReadAsByteArrayAsync();
        var spec = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["method"] = message.Method.Method,
            ["url"] = message.RequestUri.AbsoluteUri,
            ["headers"] = headers.Where(h => h.Key is not "Content-Length").ToDictionary(),
            ["body"] = Convert.ToBase64String(body),
            ["service"] = service,
            ["region"] = region,
            ["accessKey"] = credentials.AccessKey,
            ["secretKey"] = credentials.SecretKey,
            ["token"] = credentials.UseToken ? credentials.Token : null,
            ["amzDate"] = message.Headers.GetValues("X-Amz-Date").Single(),
        });
        var start = new ProcessStartInfo("/usr/bin/python3", Path.Combine(AppContext.BaseDirectory, "Support", "botocore_sigv4.py"))
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start.");
        await process.StandardInput.WriteAsync(spec);
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, "botocore failed: " + error);
        return output.Trim();
    }
}
