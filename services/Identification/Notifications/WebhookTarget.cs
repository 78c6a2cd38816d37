namespace CredIr.Identification.Notifications;

/// <summary>A receiver of notifications: a JSON POST to <see cref="Url"/>, signed when a secret is set.</summary>
public sealed class WebhookTarget
{
    /// <summary>Unique name, shown as the notification's target.</summary>
    public string Name { get; set; } = "";

    public Uri? Url { get; set; }

    /// <summary>Key of the HMAC-SHA256 signature header; never logged.</summary>
    public string? Secret { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    public override string ToString() => $"{Name} ({Url})";
}
