namespace CredIr.Cli.Playbook;

internal enum RunEnd
{
    /// <summary>The incident reached recovered (or was closed).</summary>
    Completed,

    /// <summary>A plan waits for an approval nobody here may give.</summary>
    WaitingForApproval,

    /// <summary>A plan was rejected at the prompt.</summary>
    Rejected,

    /// <summary>The incident stopped on an error, or advancing changed nothing.</summary>
    Stopped,

    /// <summary>The run's time budget ran out.</summary>
    OutOfTime,
}
