namespace CredIr.Playbook.Trail;

/// <summary>One record of a log file as read: its byte offset in the decompressed file and its UTF-8 text.</summary>
public readonly record struct RawRecord(long Offset, ReadOnlyMemory<byte> Utf8);
