using System.Collections;
using System.Text;

namespace CredIr.Grpc;

/// <summary>
/// gRPC metadata: an ordered list of key/value pairs. Keys are lower-case ASCII; keys ending in
/// "-bin" carry bytes (base64 on the wire), the others ASCII strings.
/// </summary>
public sealed class Metadata : IEnumerable<Metadata.Entry>
{
    /// <summary>The suffix that marks a binary header.</summary>
    public const string BinarySuffix = "-bin";

    private readonly List<Entry> _entries = [];

    public int Count => _entries.Count;

    public Entry this[int index] => _entries[index];

    /// <summary>Adds a string entry.</summary>
    public Metadata Add(string key, string value)
    {
        _entries.Add(new Entry(key, value));
        return this;
    }

    /// <summary>Adds a binary entry; the key must end in "-bin".</summary>
    public Metadata Add(string key, byte[] value)
    {
        _entries.Add(new Entry(key, value));
        return this;
    }

    public void Add(Entry entry) => _entries.Add(entry);

    /// <summary>The first string value under the key, or null.</summary>
    public string? GetValue(string key)
    {
        var entry = Get(key);
        return entry is { IsBinary: false } ? entry.Value : null;
    }

    /// <summary>The first binary value under the key, or null.</summary>
    public byte[]? GetBytes(string key) => Get(key) is { IsBinary: true } entry ? entry.ValueBytes : null;

    /// <summary>The first entry under the key, or null.</summary>
    public Entry? Get(string key)
    {
        var normalized = Entry.NormalizeKey(key);
        foreach (var entry in _entries)
        {
            if (entry.Key == normalized)
            {
                return entry;
            }
        }

        return null;
    }

    public IEnumerator<Entry> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>One metadata entry.</summary>
    public sealed class Entry
    {
        private readonly string? _value;
        private readonly byte[]? _bytes;

        public Entry(string key, string value)
        {
            Key = NormalizeKey(key);
            if (IsBinaryKey(Key))
            {
                throw new ArgumentException($"Key '{Key}' ends in -bin: give the value as bytes.", nameof(key));
            }

            _value = value;
        }

        public Entry(string key, byte[] value)
        {
            Key = NormalizeKey(key);
            if (!IsBinaryKey(Key))
            {
                throw new ArgumentException($"Key '{Key}' carries bytes: it must end in -bin.", nameof(key));
            }

            _bytes = value;
        }

        public string Key { get; }

        public bool IsBinary => _bytes is not null;

        /// <summary>The string value; for a binary entry, its base64 wire form.</summary>
        public string Value => _value ?? Convert.ToBase64String(_bytes!);

        /// <summary>The bytes value; for a string entry, its ASCII bytes.</summary>
        public byte[] ValueBytes => _bytes ?? Encoding.ASCII.GetBytes(_value!);

        // Values may be bearer tokens: never print them.
        public override string ToString() => IsBinary ? $"{Key}: <{_bytes!.Length} bytes>" : $"{Key}: <{_value!.Length} chars>";

        internal static bool IsBinaryKey(string key) => key.EndsWith(BinarySuffix, StringComparison.Ordinal);

        internal static string NormalizeKey(string key)
        {
            ArgumentException.ThrowIfNullOrEmpty(key);
            return key.ToLowerInvariant();
        }
    }
}
