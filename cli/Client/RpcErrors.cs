using System.Text;
using Grpc.Core;

namespace CredIr.Cli.Client;

/// <summary>Turns a gRPC failure into the one line a user reads: the status as gRPC names it, and what to do.</summary>
internal static class RpcErrors
{
    public static CliException ToCli(RpcException error, string server) => error.StatusCode switch
    {
        StatusCode.Unavailable => new CliException(
            $"cannot reach the CredIr server at {server} ({error.Status.Detail}); start one with 'credir serve' or point --server / ${ServerAddress.EnvironmentVariable} at it"),
        StatusCode.InvalidArgument => new CliException($"{Name(error.StatusCode)}: {error.Status.Detail}", 2),
        _ => new CliException($"{Name(error.StatusCode)}: {error.Status.Detail}"),
    };

    /// <summary>NotFound becomes NOT_FOUND, as gRPC documents its codes.</summary>
    public static string Name(StatusCode status)
    {
        var pascal = status.ToString();
        var name = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (i > 0 && char.IsUpper(pascal[i]) && char.IsLower(pascal[i - 1]))
            {
                name.Append('_');
            }

            name.Append(char.ToUpperInvariant(pascal[i]));
        }

        return name.ToString();
    }
}
