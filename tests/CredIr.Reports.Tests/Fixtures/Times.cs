using System.Globalization;
using Google.Protobuf.WellKnownTypes;

namespace CredIr.Reports.Tests.Fixtures;

internal static class Times
{
    public static DateTimeOffset At(string iso) =>
        DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static Timestamp Ts(string iso) => Timestamp.FromDateTimeOffset(At(iso));
}
