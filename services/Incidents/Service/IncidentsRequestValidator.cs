using System.Globalization;
using CredIr.Contracts.V1;
using CredIr.Hosting;
using Grpc.Core;

namespace CredIr.Incidents.Service;

/// <summary>
/// What only the coordinator knows about its requests, checked before any grain is called (the hosts have
/// already held every field to its documented limits: RequestShape). Nothing refused here is ever stored.
/// </summary>
internal static class IncidentsRequestValidator
{
    public static void Validate(OpenIncidentRequest request, DateTimeOffset now)
    {
        if (request.CompromiseTime is { } compromise && compromise.ToDateTimeOffset() > now)
        {
            throw Invalid($"compromise_time: {compromise.ToDateTimeOffset():O} is in the future; give when the credential was first misused.");
        }

        if (request.AthenaTarget.Length > 0 && (request.LogLocation.Length > 0 || request.TrailSource is not (TrailSourceKind.Athena or TrailSourceKind.Unspecified)))
        {
            throw Invalid("athena_target: an Athena target is for trail_source TRAIL_SOURCE_KIND_ATHENA; leave it empty for the other sources (and without log_location).");
        }
    }

    public static void Validate(SetCompromiseTimeRequest request)
    {
        if (request.CompromiseTime is null)
        {
            throw Invalid("compromise_time: give when the credential was first misused.");
        }
    }

    public static void Validate(WatchIncidentRequest request)
    {
        if (request.FromVersion < 0)
        {
            throw Invalid(string.Create(CultureInfo.InvariantCulture, $"from_version: {request.FromVersion} is negative; 0 sends the current state first, a version sends the changes after it."));
        }
    }

    public static void Validate(ListIncidentsRequest request)
    {
        if (request.PageSize < 0)
        {
            throw Invalid(string.Create(CultureInfo.InvariantCulture, $"page_size: {request.PageSize} is negative; 0 for the default (50), at most 500."));
        }
    }

    public static void Validate(AddNoteRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Text))
        {
            throw Invalid("text: a note needs text.");
        }
    }

    private static RpcException Invalid(string message) => new(new Status(StatusCode.InvalidArgument, message));
}
