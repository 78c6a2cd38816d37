using Google.Protobuf.Reflection;

namespace CredIr.Grpc;

/// <summary>
/// Marks a C# interface as the contract of one proto service: <paramref name="fullName"/> is the
/// service's full name ("credir.v1.Containment") and <paramref name="reflectionType"/> the class
/// protoc generated for its file (with a static <c>Descriptor</c> property).
/// </summary>
[AttributeUsage(AttributeTargets.Interface, Inherited = false)]
public sealed class GrpcServiceAttribute(string fullName, Type reflectionType) : Attribute
{
    public string FullName { get; } = fullName;

    public Type ReflectionType { get; } = reflectionType;

    /// <summary>The service descriptor named by this attribute.</summary>
    public ServiceDescriptor ResolveDescriptor()
    {
        var property = ReflectionType.GetProperty("Descriptor", System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static);
        if (property?.GetValue(null) is not FileDescriptor file)
        {
            throw new InvalidOperationException($"{ReflectionType.FullName} has no static FileDescriptor Descriptor property: give the protoc-generated reflection class.");
        }

        foreach (var service in file.Services)
        {
            if (service.FullName == FullName)
            {
                return service;
            }
        }

        throw new InvalidOperationException($"{file.Name} declares no service {FullName}.");
    }
}
