using System.Globalization;
using System.Net.Http.Headers;

namespace CredIr.Grpc.Internal.Client;

internal static class ResponseMetadata
{
    public static void CopyTo(HttpHeaders headers, CallContext context, bool trailers)
    {
        // NonValidated: no parsing, no allocation per header, just the strings received.
        Metadata? metadata = null;
        foreach (var header in headers.NonValidated)
        {
            var key = header.Key.ToLowerInvariant();
            if (GrpcProtocol.IsReservedHeader(key) || key is "date" or "server")
            {
                continue;
            }

            metadata ??= trailers ? context.ResponseTrailers : context.ResponseHeaders;
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
        headers.NonValidated.TryGetValues(GrpcProtocol.StatusTrailer, out var values)
        && int.TryParse(values.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var code)
            ? (StatusCode)code
            : null;

    public static string Message(HttpHeaders headers) =>
        headers.NonValidated.TryGetValues(GrpcProtocol.MessageTrailer, out var values)
            ? PercentEncoding.Decode(values.ToString())
            : string.Empty;
}
