using CredIr.Contracts.V1;

namespace CredIr.Recovery.Planning;

/// <summary>The proto names of strategies, as a responder sees them in messages.</summary>
internal static class StrategyNames
{
    public static string ToWireName(this RecoveryStrategy strategy) => strategy switch
    {
        RecoveryStrategy.Replace => "REPLACE",
        RecoveryStrategy.RestoreFromBackup => "RESTORE_FROM_BACKUP",
        RecoveryStrategy.RecreateFromCmdb => "RECREATE_FROM_CMDB",
        RecoveryStrategy.Isolate => "ISOLATE",
        RecoveryStrategy.Manual => "MANUAL",
        _ => "UNSPECIFIED",
    };
}
