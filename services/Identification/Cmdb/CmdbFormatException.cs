namespace CredIr.Identification.Cmdb;

/// <summary>The CMDB file is missing or malformed; the message names the file, the entry and what to fix.</summary>
public sealed class CmdbFormatException(string message) : Exception(message);
