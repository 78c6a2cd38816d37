using CredIr.Sandbox.Hosting;
using CredIr.Sandbox.Model;
using CredIr.Sandbox.Protocols;

namespace CredIr.Sandbox.Services.Iam;

/// <summary>IAM over the query protocol. Operations live in the partial files by entity.</summary>
internal sealed partial class IamService : ISandboxService
{
    private readonly Dictionary<string, Func<SandboxCall, ServiceResult>> _operations;

    public IamService()
    {
        _operations = new(StringComparer.Ordinal);
        AddUserOperations();
        AddKeyOperations();
        AddRoleOperations();
        AddPolicyOperations();
        AddGroupOperations();
        AddProfileOperations();
        AddTagOperations();
        AddBoundaryOperations();
        AddUserCredentialOperations();
    }

    public ServiceModel Descriptor => ServiceModel.Iam;

    public string? Resolve(RequestLine line) => line.Action is { } a && _operations.ContainsKey(a) ? a : null;

    public ServiceResult Handle(SandboxCall call) => _operations[call.Operation](call);

    private static string UserArn(SandboxCall call, string name) => $"arn:{call.Account.Partition}:iam::{call.Account.Id}:user/{name}";

    private static string RoleArn(SandboxCall call, string name) => $"arn:{call.Account.Partition}:iam::{call.Account.Id}:role/{name}";

    private static IamUser User(Account account, string name) =>
        account.Users.GetValueOrDefault(name) ?? throw IamErrors.NoSuch("user", name);

    private static IamRole Role(Account account, string name) =>
        account.Roles.GetValueOrDefault(name) ?? throw new AwsServiceException("NoSuchEntity", $"The role with name {name} cannot be found.", 404);

    /// <summary>Operations without a UserName act on the calling user, as AWS does.</summary>
    private static string SelfOr(SandboxCall call, string? userName) =>
        userName ?? (call.Caller.Type == Auth.CallerType.IAMUser ? call.Caller.IdentityName! : throw IamErrors.Invalid("Must specify userName when calling with non-User credentials"));

    /// <summary>ListUsers / ListRoles / ListPolicies' PathPrefix: a path that starts with "/"; the default "/" lists all.</summary>
    private static IEnumerable<T> UnderPathPrefix<T>(SandboxCall call, IEnumerable<T> items, Func<T, string> path)
    {
        var prefix = call.Form.Get("PathPrefix") ?? "/";
        if (!prefix.StartsWith('/') || prefix.Length > 512)
        {
            throw IamErrors.Invalid($"1 validation error detected: Value '{prefix}' at 'pathPrefix' failed to satisfy constraint: Member must satisfy regular expression pattern: \\u002F[\\u0021-\\u007F]*");
        }

        return items.Where(i => path(i).StartsWith(prefix, StringComparison.Ordinal));
    }

    private static (int Start, int Max) Paging(SandboxCall call)
    {
        var start = int.TryParse(call.Form.Get("Marker"), out var m) ? m : 0;
        var max = call.Form.Int("MaxItems") ?? 100;
        return (start, max);
    }

    private static ServiceResult Page<T>(SandboxCall call, string listName, IReadOnlyList<T> items, Func<T, object> render)
    {
        var (start, max) = Paging(call);
        var page = items.Skip(start).Take(max).ToList();
        var truncated = start + page.Count < items.Count;
        return new ServiceResult
        {
            Xml =
            [
                X.Members(listName, page.Select(render)),
                X.E("IsTruncated", truncated),
                .. truncated ? new[] { X.E("Marker", (start + page.Count).ToString(System.Globalization.CultureInfo.InvariantCulture)) } : [],
            ],
        };
    }
}
