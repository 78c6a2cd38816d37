using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CredIr.Sandbox;
using CredIr.Sandbox.Scenarios;

namespace CredIr.Bench;

/// <summary>
/// sandbox-lookup: LookupEvents requests per second the sandbox serves with its throttle off, clients
/// paging (MaxResults 50) through a large history over real loopback HTTP with SigV4 on every request.
/// Args: [events=20000] [clients=8] [seconds=10].
/// </summary>
internal static class SandboxLookupBenchmark
{
    public static async Task<int> RunAsync(string[] args, CancellationToken ct)
    {
        var events = Arg(args, 0, 20_000);
        var clients = Arg(args, 1, 8);
        var seconds = Arg(args, 2, 10);
        var time = TimeProvider.System;
        var folder = Path.Combine(Path.GetTempPath(), "credir-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var file = Path.Combine(folder, "history.json");
            await File.WriteAllTextAsync(file, History(events, time.GetUtcNow()), ct);
            var scenario = new Scenario { Imports = [new ScenarioImport { Path = file }] };
            await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions { Scenario = scenario, TimeProvider = time }, ct);
            sandbox.LookupEventsRateLimit = null;
            var admin = sandbox.Accounts[0].AdminCredentials;
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients });
            var deadline = time.GetTimestamp() + (long)(seconds * time.TimestampFrequency);
            long requests = 0, returned = 0;
            var started = Stopwatch.GetTimestamp();
            await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
            {
                string? token = null;
                while (time.GetTimestamp() < deadline)
                {
                    var (count, next) = await LookupAsync(http, sandbox.Endpoint, admin, token, time, ct);
                    Interlocked.Increment(ref requests);
                    Interlocked.Add(ref returned, count);
                    token = next;
                }
            }));
            var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"sandbox-lookup: {requests / elapsed:F0} LookupEvents requests/s ({returned / elapsed:F0} events/s), {clients} clients, {events} events in history, MaxResults 50, {elapsed:F1} s"));
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<(int Count, string? Next)> LookupAsync(HttpClient http, Uri endpoint, SandboxCredentials credentials, string? token, TimeProvider time, CancellationToken ct)
    {
        var body = new JsonObject { ["MaxResults"] = 50 };
        if (token is not null)
        {
            body["NextToken"] = token;
        }

        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/x-amz-json-1.1");
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents");
        StepSigner.Sign(request, bytes, credentials, "us-east-1", "cloudtrail", time.GetUtcNow());
        using var response = await http.SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
        var page = JsonNode.Parse(await response.Content.ReadAsStringAsync(ct))!;
        return (page["Events"]!.AsArray().Count, page["NextToken"]?.GetValue<string>());
    }

    private static string History(int count, DateTimeOffset now)
    {
        var records = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            records.Add(new JsonObject
            {
                ["eventVersion"] = "1.09",
                ["userIdentity"] = new JsonObject { ["type"] = "IAMUser", ["userName"] = "user" + (i % 50), ["accessKeyId"] = "AKIABENCH" + (i % 50).ToString("D11", CultureInfo.InvariantCulture) },
                ["eventTime"] = now.AddSeconds(-i * 7).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                ["eventSource"] = "iam.amazonaws.com",
                ["eventName"] = i % 3 == 0 ? "ListUsers" : "GetUser",
                ["awsRegion"] = "us-east-1",
                ["sourceIPAddress"] = "198.51.100.1",
                ["eventID"] = Guid.NewGuid().ToString(),
                ["readOnly"] = true,
                ["managementEvent"] = true,
                ["recipientAccountId"] = "111111111111",
            });
        }

        return new JsonObject { ["Records"] = records }.ToJsonString();
    }

    private static int Arg(string[] args, int index, int fallback) =>
        args.Length > index && int.TryParse(args[index], CultureInfo.InvariantCulture, out var v) ? v : fallback;
}
