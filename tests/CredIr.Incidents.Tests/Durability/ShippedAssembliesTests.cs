using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace CredIr.Incidents.Tests.Durability;

/// <summary>
/// The kill -9 tests inject their faults from a test-only assembly; nothing that ships may end its
/// own process, whatever its configuration says.
/// </summary>
public sealed class ShippedAssembliesTests
{
    [Fact]
    public void ShippedAssemblies_HaveNoCallThatKillsTheProcess()
    {
        var shipped = Directory.GetFiles(AppContext.BaseDirectory, "*.dll")
            .Where(static p => Path.GetFileName(p) is var name
                && (name.StartsWith("CredIr.", StringComparison.Ordinal) || name == "credir.dll")
                && !name.Contains(".Tests", StringComparison.Ordinal)
                && name != "CredIr.Incidents.FaultInjection.dll")
            .ToList();
        Assert.Contains(shipped, static p => Path.GetFileName(p) == "CredIr.Incidents.dll");
        Assert.Contains(shipped, static p => Path.GetFileName(p) == "credir.dll");

        var kills = shipped.SelectMany(KillCalls).ToList();

        Assert.True(kills.Count == 0, "shipped code that can end its own process: " + string.Join(", ", kills));
    }

    // Environment.FailFast anywhere; Process.Kill where the assembly also asks for its own process
    // (killing a child it started stays allowed).
    private static IEnumerable<string> KillCalls(string path)
    {
        using var pe = new PEReader(File.OpenRead(path));
        var metadata = pe.GetMetadataReader();
        var called = new HashSet<string>(StringComparer.Ordinal);
        foreach (var handle in metadata.MemberReferences)
        {
            var member = metadata.GetMemberReference(handle);
            if (member.Parent.Kind == HandleKind.TypeReference)
            {
                var type = metadata.GetTypeReference((TypeReferenceHandle)member.Parent);
                called.Add($"{metadata.GetString(type.Namespace)}.{metadata.GetString(type.Name)}.{metadata.GetString(member.Name)}");
            }
        }

        var file = Path.GetFileName(path);
        if (called.Contains("System.Environment.FailFast"))
        {
            yield return $"{file} calls Environment.FailFast";
        }

        if (called.Contains("System.Diagnostics.Process.Kill") && called.Contains("System.Diagnostics.Process.GetCurrentProcess"))
        {
            yield return $"{file} kills its own process (Process.GetCurrentProcess().Kill)";
        }
    }
}
