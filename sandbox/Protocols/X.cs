using System.Globalization;
using System.Xml.Linq;

namespace CredIr.Sandbox.Protocols;

/// <summary>Small builders for AWS XML payloads (unqualified names; the writer applies the namespace).</summary>
internal static class X
{
    public static XElement E(string name, object? content) => new(name, content switch
    {
        DateTimeOffset t => Time(t),
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        _ => content,
    });

    public static XElement E(string name, params object?[] content) => new(name, content);

    /// <summary>A query-protocol list: &lt;Name&gt;&lt;member&gt;…&lt;/member&gt;&lt;/Name&gt;.</summary>
    public static XElement Members(string name, IEnumerable<object> items) =>
        new(name, items.Select(i => i is XElement e && e.Name.LocalName == "member" ? e : new XElement("member", i)));

    /// <summary>An EC2 list: &lt;Name&gt;&lt;item&gt;…&lt;/item&gt;&lt;/Name&gt;.</summary>
    public static XElement Items(string name, IEnumerable<object> items) => new(name, items.Select(i => new XElement("item", i)));

    public static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string TimeMillis(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
