namespace CredIr.Sandbox.Services.Athena;

/// <summary>A workgroup: where its queries' results go unless a query says otherwise.</summary>
internal sealed record AthenaWorkGroup(string Name, string? OutputLocation, string? Description, DateTimeOffset Created);
