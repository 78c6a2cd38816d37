using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using Google.Protobuf;
using Orleans.Serialization;
using Orleans.Serialization.Buffers;
using Orleans.Serialization.Cloning;
using Orleans.Serialization.Codecs;
using Orleans.Serialization.Serializers;
using Orleans.Serialization.WireProtocol;

namespace CredIr.Incidents.Cluster;

/// <summary>
/// Lets the contract's protobuf messages (the proto is the one contract) cross grain calls and silos
/// as they are, instead of a parallel set of [GenerateSerializer] types mirroring them. On the wire a
/// message is its type and its protobuf bytes; a copy (a call inside one silo) is the message's own
/// deep clone. Only types generated from our protos are accepted, so a peer cannot make a silo
/// instantiate an arbitrary type through this codec.
/// </summary>
[Alias("credir.protobuf")]
internal sealed class ProtobufMessageCodec : IGeneralizedCodec, IGeneralizedCopier, ITypeFilter
{
    private static readonly Type Self = typeof(ProtobufMessageCodec);

    // One parser per message type, found once: reading a message is on every cross-silo grain call.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, MessageParser> Parsers = new();

    public bool IsSupportedType(Type type) => type == Self || IsContractMessage(type);

    bool IGeneralizedCopier.IsSupportedType(Type type) => IsContractMessage(type);

    public bool? IsTypeAllowed(Type type) => type == Self || IsContractMessage(type) ? true : null;

    [return: NotNullIfNotNull(nameof(input))]
    public object? DeepCopy(object? input, CopyContext context) => input switch
    {
        null => null,
        IDeepCloneable<object> cloneable => cloneable.Clone(),
        IMessage message => message.Descriptor.Parser.ParseFrom(message.ToByteArray()),
        _ => throw new ArgumentException($"{input.GetType()} is not a protobuf message.", nameof(input)),
    };

    public void WriteField<TBufferWriter>(ref Writer<TBufferWriter> writer, uint fieldIdDelta, Type? expectedType, object? value)
        where TBufferWriter : IBufferWriter<byte>
    {
        if (ReferenceCodec.TryWriteReferenceField(ref writer, fieldIdDelta, expectedType, value))
        {
            return;
        }

        var message = value as IMessage ?? throw new ArgumentException($"{value!.GetType()} is not a protobuf message.", nameof(value));
        writer.WriteFieldHeader(fieldIdDelta, expectedType, Self, WireType.TagDelimited);

        ReferenceCodec.MarkValueField(writer.Session);
        writer.WriteFieldHeaderExpected(0, WireType.LengthPrefixed);
        writer.Session.TypeCodec.WriteLengthPrefixed(ref writer, value.GetType());

        var bytes = message.ToByteArray();
        ReferenceCodec.MarkValueField(writer.Session);
        writer.WriteFieldHeaderExpected(1, WireType.LengthPrefixed);
        writer.WriteVarUInt32((uint)bytes.Length);
        writer.Write(bytes);
        writer.WriteEndObject();
    }

    public object ReadValue<TInput>(ref Reader<TInput> reader, Field field)
    {
        if (field.IsReference)
        {
            return ReferenceCodec.ReadReference(ref reader, field.FieldType)!;
        }

        field.EnsureWireTypeTagDelimited();
        var placeholder = ReferenceCodec.CreateRecordPlaceholder(reader.Session);
        Type? type = null;
        IMessage? result = null;
        uint id = 0;
        while (true)
        {
            var header = reader.ReadFieldHeader();
            if (header.IsEndBaseOrEndObject)
            {
                break;
            }

            id += header.FieldIdDelta;
            switch (id)
            {
                case 0:
                    ReferenceCodec.MarkValueField(reader.Session);
                    type = reader.Session.TypeCodec.ReadLengthPrefixed(ref reader);
                    break;
                case 1:
                    ReferenceCodec.MarkValueField(reader.Session);
                    if (type is null || !IsContractMessage(type))
                    {
                        throw new RequiredFieldMissingException($"A protobuf message arrived without a known contract type ({type?.FullName ?? "none"}).");
                    }

                    var length = checked((int)reader.ReadVarUInt32());
                    var bytes = reader.ReadBytes((uint)length);
                    result = Parsers.GetOrAdd(type, static t => ((IMessage)Activator.CreateInstance(t)!).Descriptor.Parser).ParseFrom(bytes);
                    break;
                default:
                    reader.ConsumeUnknownField(header);
                    break;
            }
        }

        var value = result ?? throw new RequiredFieldMissingException("A protobuf message arrived without its bytes.");
        ReferenceCodec.RecordObject(reader.Session, value, placeholder);
        return value;
    }

    // The messages generated from protos/credir/v1 (and the well-known types they use).
    private static bool IsContractMessage(Type type) =>
        !type.IsAbstract && typeof(IMessage).IsAssignableFrom(type)
        && type.Namespace is "CredIr.Contracts.V1" or "Google.Protobuf.WellKnownTypes";
}
