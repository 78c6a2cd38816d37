using System.Globalization;
using System.Text;

namespace CredIr.Aws;

/// <summary>
/// Builds a query-protocol request (IAM, STS, EC2): a form-encoded POST of Action, Version and
/// the operation's parameters; null values are left out.
/// </summary>
internal sealed class QueryRequest(string action, string version)
{
    private readonly List<KeyValuePair<string, string>> _parameters = [new("Action", action), new("Version", version)];

    public string Action { get; } = action;

    public QueryRequest Add(string name, string? value)
    {
        if (value is not null)
        {
            _parameters.Add(new(name, value));
        }

        return this;
    }

    public QueryRequest Add(string name, int? value) =>
        Add(name, value?.ToString(CultureInfo.InvariantCulture));

    public QueryRequest Add(string name, bool? value) =>
        Add(name, value is null ? null : value.Value ? "true" : "false");

    /// <summary>A list: "Name.member.1" for IAM/STS (prefix "Name.member"), "Name.1" for EC2 (prefix "Name").</summary>
    public QueryRequest AddList(string prefix, IEnumerable<string>? values)
    {
        var index = 1;
        foreach (var value in values ?? [])
        {
            Add(prefix + "." + index.ToString(CultureInfo.InvariantCulture), value);
            index++;
        }

        return this;
    }

    public AwsHttpRequest Build(AwsRateLimit rateLimit = AwsRateLimit.None)
    {
        var body = new StringBuilder();
        foreach (var (name, value) in _parameters)
        {
            if (body.Length > 0)
            {
                body.Append('&');
            }

            body.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }

        return new AwsHttpRequest(Action, HttpMethod.Post)
        {
            Body = Encoding.UTF8.GetBytes(body.ToString()),
            ContentType = "application/x-www-form-urlencoded; charset=utf-8",
            RateLimit = rateLimit,
        };
    }
}
