namespace CredIr.Grpc.Internal.Binding;

internal enum MethodKind
{
    Unary,
    ServerStreaming,
    ClientStreaming,
    DuplexStreaming,
}
