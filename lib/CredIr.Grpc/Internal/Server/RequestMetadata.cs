using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace CredIr.Grpc.Internal.Server;

/// <summary>Between HTTP/2 header blocks and gRPC metadata ("-bin" values are base64 on the wire).</summary>
internal static class RequestMetadata
{
    public static Metadata From(IHeaderDictionary headers)
    {
        var metadata = new Metadata();
        foreach (var header in headers)
        {
            if (GrpcProtocol.IsReservedHeader(header.Key))
            {
                continue;
            }

            var key = header.Key.ToLowerInvariant();
            foreach (var value in header.Value)
            {
                if (value is null)
                {
                    continue;
                }

                if (Metadata.Entry.IsBinaryKey(key))
                {
                    if (Base64.TryDecode(value) is { } bytes)
                    {
                        metadata.Add(key, bytes);
                    }
                }
                else
                {
                    metadata.Add(key, value);
                }
            }
        }

        return metadata;
    }

    public static void CopyTo(Metadata? metadata, IHeaderDictionary headers)
    {
        if (metadata is null)
        {
            return;
        }

        foreach (var entry in metadata)
        {
            headers.Append(entry.Key, new StringValues(entry.Value));
        }
    }

    public static string Peer(HttpContext http)
    {
        var connection = http.Connection;
        return connection.RemoteIpAddress switch
        {
            null => "unknown",
            { AddressFamily: System.Net.Sockets.AddressFamily.InterNetworkV6 } ip => $"ipv6:[{ip}]:{connection.RemotePort}",
            var ip => $"ipv4:{ip}:{connection.RemotePort}",
        };
    }
}
