using System.Security.Cryptography;
using System.Text;
using CredIr.Hosting;
using CredIr.Incidents.Domain;
using Google.Protobuf;

namespace CredIr.Incidents.Storage;

/// <summary>
/// A caller's request id together with the digest of what it asked (the method and the request without
/// its id), as one string that travels unchanged through the grain to the store: the store records both,
/// and refuses the id when it comes back with another digest. The separator is a control character,
/// which request ids cannot hold (the hosts refuse control characters in ids).
/// </summary>
internal static class RequestKey
{
    private const char Separator = '\u001f';

    /// <summary>
    /// A copy of <paramref name="request"/> whose request id is its key: the id and the digest of the method and
    /// the request without its id. A request without an id is returned as it is. The caller's message is not
    /// changed (in-process callers may send it again).
    /// </summary>
    public static T Keyed<T>(string method, T request, Func<T, string> id, Action<T, string> setId)
        where T : IMessage<T>
    {
        var requestId = id(request);
        if (requestId.Length == 0)
        {
            return request;
        }

        var keyed = request.Clone();
        setId(keyed, string.Empty);
        var digest = SHA256.HashData([.. Encoding.UTF8.GetBytes(method), 0, .. keyed.ToByteArray()]);
        setId(keyed, requestId + Separator + Convert.ToHexStringLower(digest));
        return keyed;
    }

    /// <summary>The request id and the digest (null for a plain id) of a key.</summary>
    public static (string Id, string? Digest) Parse(string key)
    {
        var at = key.IndexOf(Separator, StringComparison.Ordinal);
        return at < 0 ? (key, null) : (key[..at], key[(at + 1)..]);
    }

    /// <summary>The request id alone, for evidence and messages.</summary>
    public static string IdOf(string? key) => key is null ? string.Empty : Parse(key).Id;

    /// <summary>Refuses <paramref name="key"/> when its id was applied with another digest.</summary>
    public static void EnsureSameRequest(string key, string? storedDigest, string incidentId)
    {
        var (id, digest) = Parse(key);
        if (digest is not null && storedDigest is not null && digest != storedDigest)
        {
            throw new IncidentException(IncidentErrorKind.FailedPrecondition, $"Request id {RpcText.Quote(id)} was already used for another request (a different method or body, on incident {incidentId}); use a new request id for a new request, or resend the first request unchanged.");
        }
    }
}
