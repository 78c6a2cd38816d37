using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CredIr.Sandbox.Hosting;
using CredIr.Sandbox.Model;
using CredIr.Sandbox.Protocols;

namespace CredIr.Sandbox.Services.Organizations;

/// <summary>Organizations over JSON 1.1: the organization and its accounts, paged as AWS pages them.</summary>
internal sealed class OrganizationsService : ISandboxService
{
    private static readonly HashSet<string> Operations = ["DescribeOrganization", "ListAccounts", "DescribeAccount"];

    public ServiceModel Descriptor => ServiceModel.Organizations;

    public string? Resolve(RequestLine line) => line.Action is { } a && Operations.Contains(a) ? a : null;

    public ServiceResult Handle(SandboxCall call)
    {
        var state = call.State;
        var orgArn = $"arn:{state.Management.Partition}:organizations::{state.Management.Id}:organization/{state.OrganizationId}";
        switch (call.Operation)
        {
            case "DescribeOrganization":
                call.Authorize("organizations:DescribeOrganization", "*");
                return ServiceResult.Of(new JsonObject
                {
                    ["Organization"] = new JsonObject
                    {
                        ["Id"] = state.OrganizationId,
                        ["Arn"] = orgArn,
                        ["FeatureSet"] = "ALL",
                        ["MasterAccountArn"] = $"arn:{state.Management.Partition}:organizations::{state.Management.Id}:account/{state.OrganizationId}/{state.Management.Id}",
                        ["MasterAccountId"] = state.Management.Id,
                        ["MasterAccountEmail"] = state.Management.Email,
                        ["AvailablePolicyTypes"] = new JsonArray(),
                    },
                });
            case "DescribeAccount":
                ManagementOnly(call, "organizations:DescribeAccount");
                var id = call.Json["AccountId"]?.GetValue<string>() ?? "";
                Account account;
                lock (state.Gate)
                {
                    account = state.FindAccount(id) ?? throw new AwsServiceException("AccountNotFoundException", "You specified an account that doesn't exist.", 400);
                }

                return ServiceResult.Of(new JsonObject { ["Account"] = Render(state, account) });
            default:
                return ListAccounts(call);
        }
    }

    private static ServiceResult ListAccounts(SandboxCall call)
    {
        ManagementOnly(call, "organizations:ListAccounts");
        var state = call.State;
        var max = call.Json["MaxResults"]?.GetValue<int>() ?? 20;
        if (max is < 1 or > 20)
        {
            throw new AwsServiceException("InvalidInputException", "You provided a value that does not match the required pattern.", 400);
        }

        var (index, empty) = ReadToken(call.Json["NextToken"]?.GetValue<string>());
        List<Account> accounts;
        lock (state.Gate)
        {
            accounts = [.. state.Accounts];
        }

        // AWS may answer with an empty page that still carries a NextToken; the scenario can ask for that.
        if (state.EmptyPages && empty && index < accounts.Count)
        {
            return ServiceResult.Of(new JsonObject { ["Accounts"] = new JsonArray(), ["NextToken"] = Token(index, empty: false) });
        }

        var page = accounts.Skip(index).Take(max).ToList();
        var result = new JsonObject { ["Accounts"] = new JsonArray(page.Select(a => (JsonNode)Render(state, a)).ToArray()) };
        if (index + page.Count < accounts.Count)
        {
            result["NextToken"] = Token(index + page.Count, empty: true);
        }

        return ServiceResult.Of(result);
    }

    private static void ManagementOnly(SandboxCall call, string action)
    {
        call.Authorize(action, "*");
        if (call.Account != call.State.Management)
        {
            throw new AwsServiceException("AccessDeniedException", "You don't have permissions to access this resource.", 400);
        }
    }

    private static JsonObject Render(SandboxState state, Account a) => new()
    {
        ["Id"] = a.Id,
        ["Arn"] = $"arn:{state.Management.Partition}:organizations::{state.Management.Id}:account/{state.OrganizationId}/{a.Id}",
        ["Email"] = a.Email,
        ["Name"] = a.Name,
        ["Status"] = a.Status,
        ["JoinedMethod"] = a.IsManagement ? "CREATED" : "INVITED",
        ["JoinedTimestamp"] = a.Joined.ToUnixTimeSeconds(),
    };

    private static string Token(int index, bool empty) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{index.ToString(CultureInfo.InvariantCulture)}|{(empty ? "e" : "p")}"));

    private static (int Index, bool Empty) ReadToken(string? token)
    {
        if (token is null)
        {
            return (0, true);
        }

        try
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(token)).Split('|');
            if (parts.Length == 2 && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var index) && index >= 0)
            {
                return (index, parts[1] == "e");
            }
        }
        catch (FormatException)
        {
            // falls through to the AWS error below
        }

        throw new AwsServiceException("InvalidInputException", "You specified an invalid value for nextToken.", 400);
    }
}
