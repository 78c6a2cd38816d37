namespace CredIr.Cli.Playbook;

/// <summary>How a playbook run gets past an approval.</summary>
internal enum ApprovalMode
{
    /// <summary>Opened with auto-approve: the coordinator records each plan as approved by its policy.</summary>
    Automatic,

    /// <summary>Ask the responder at the terminal.</summary>
    Prompt,

    /// <summary>Nobody to ask (a pipe, no --auto-approve): stop and say how to approve.</summary>
    Stop,
}
