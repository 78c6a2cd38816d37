using Google.Protobuf;

namespace CredIr.Grpc.Internal;

/// <summary>The proto full name of a generated message type, for error messages.</summary>
internal static class MessageNames
{
    public static string Of<T>()
        where T : IMessage<T> => Cache<T>.Name;

    private static class Cache<T>
        where T : IMessage<T>
    {
        public static readonly string Name = Activator.CreateInstance<T>().Descriptor.FullName;
    }
}
