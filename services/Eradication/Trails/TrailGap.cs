using CredIr.Playbook.Classification;

namespace CredIr.Eradication.Trails;

/// <summary>
/// Something a source could not see: categories of events it never holds (a coverage note), or a unit
/// (account-region, file) it failed to read, which makes the result partial (<see cref="UnitFailed"/>).
/// </summary>
public sealed record TrailGap(string? AccountId, string? Region, string Reason, EventCategories CategoriesNotSeen, string? ErrorCode = null, bool UnitFailed = false);
