using System.Runtime.CompilerServices;
using Grpc.Core;

namespace CredIr.Contracts.Calls;

public static class StreamingCallExtensions
{
    /// <summary>
    /// The responses of a server-streaming call as they arrive; the call is disposed (cancelled if still
    /// running) when the enumeration ends, early or not.
    /// </summary>
    public static async IAsyncEnumerable<T> Responses<T>(this AsyncServerStreamingCall<T> call, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(call);
        using (call)
        {
            while (await call.ResponseStream.MoveNext(cancellationToken).ConfigureAwait(false))
            {
                yield return call.ResponseStream.Current;
            }
        }
    }
}
