using System.Text;

namespace CredIr.Aws;

/// <summary>
/// Gives a user a console password. Rolling back a removed login profile needs a new password:
/// AWS never returns the old one, so a rollback restores console access, not the user's password.
/// ToString never prints the password.
/// </summary>
public sealed record CreateLoginProfileRequest(string UserName, string Password, bool PasswordResetRequired = true)
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("UserName = ").Append(UserName)
            .Append(", Password = [redacted], PasswordResetRequired = ").Append(PasswordResetRequired);
        return true;
    }
}
