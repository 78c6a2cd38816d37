using Microsoft.Extensions.Options;

namespace CredIr.Identification.Notifications;

/// <summary>Fails start-up with the key and the reason when the notification settings cannot work.</summary>
internal sealed class NotificationOptionsValidator : IValidateOptions<NotificationOptions>
{
    public ValidateOptionsResult Validate(string? name, NotificationOptions options)
    {
        var errors = new List<string>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Targets.Count; i++)
        {
            var target = options.Targets[i];
            var key = $"{NotificationOptions.SectionName}:Targets:{i}";
            if (string.IsNullOrWhiteSpace(target.Name) || !names.Add(target.Name))
            {
                errors.Add($"{key}:Name must be set and unique");
            }

            if (target.Url is not { IsAbsoluteUri: true } url || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                errors.Add($"{key}:Url must be an absolute http or https URL");
            }

            if (target.Timeout <= TimeSpan.Zero)
            {
                errors.Add($"{key}:Timeout must be positive");
            }
        }

        if (options.MaxAttempts < 1)
        {
            errors.Add($"{NotificationOptions.SectionName}:MaxAttempts must be at least 1");
        }

        if (options.InitialBackoff <= TimeSpan.Zero || options.MaxBackoff < options.InitialBackoff)
        {
            errors.Add($"{NotificationOptions.SectionName}:InitialBackoff must be positive and not above MaxBackoff");
        }

        if (string.IsNullOrWhiteSpace(options.OutboxPath))
        {
            errors.Add($"{NotificationOptions.SectionName}:OutboxPath must be set");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
