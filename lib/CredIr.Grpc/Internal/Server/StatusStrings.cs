using System.Globalization;

namespace CredIr.Grpc.Internal.Server;

/// <summary>grpc-status values as strings, made once.</summary>
internal static class StatusStrings
{
    private static readonly string[] Values =
        Enumerable.Range(0, 17).Select(static i => i.ToString(CultureInfo.InvariantCulture)).ToArray();

    public static string Of(StatusCode status) => Values[(int)status];
}
