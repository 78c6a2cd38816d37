using System.Text.Json;
using System.Text.Json.Serialization;

namespace CredIr.HuaweiCloud.Internal;

/// <summary>Huawei's REST APIs speak snake_case JSON.</summary>
internal static class HuaweiJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };
}
