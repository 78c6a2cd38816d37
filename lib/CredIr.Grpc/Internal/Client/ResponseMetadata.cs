using System.Globalization;
using System.Net.Http.Headers;

namespace CredIr.Grpc.Internal.Client;

internal static class ResponseMetadata
{
    public static void CopyTo(HttpHeaders headers, Metadata metadata)
    {
        foreach (var header in headers)
        {
            var key = header.Key.ToLowerInvariant();
            if (GrpcProtocol.IsReservedHeader(key) || key is "date" or "server")
            {
                continue;
            }

            foreach (var value in header.Value)
            {
                if (!Metadata.Entry.IsBinaryKey(key))
                {
                    metadata.Add(key, value);
                }
                else if (Base64.TryDecode(value) is { } bytes)
                {
                    metadata.Add(key, bytes);
                }
            }
        }
    }

    public static StatusCode? Status(HttpHeaders headers) =>
        headers.TryGetValues(GrpcProtocol.StatusTrailer, out var values)
        && int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var code)
            ? (StatusCode)code
            : null;
}
