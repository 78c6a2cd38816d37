using CredIr.Identification.CompromiseTime;

namespace CredIr.Identification.Tests.Support;

/// <summary>Builds CloudTrail-shaped records for one credential.</summary>
internal static class Trail
{
    public const string Key = "AKIAIOSFODNN7EXAMPLE";
    public const string OfficeIp = "192.0.2.10";
    public const string OfficeAgent = "aws-cli/2.15.0 Python/3.11.6 Linux/6.1";
    public static readonly DateTimeOffset Start = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    public static TrailRecord Call(DateTimeOffset at, string ip = OfficeIp, string agent = OfficeAgent, string name = "DescribeInstances", string? id = null) =>
        new(id ?? $"ev-{at:yyyyMMddHHmmss}-{name}", at, name, "ec2.amazonaws.com", ip, agent, Key, "arn:aws:iam::111111111111:user/ci", "111111111111", "us-east-1", null);

    /// <summary>A call a day for the given number of days from <see cref="Start"/>, from the office.</summary>
    public static List<TrailRecord> DailyFromOffice(int days) =>
        Enumerable.Range(0, days).Select(d => Call(Start.AddDays(d))).ToList();
}
