using CredIr.Playbook.Classification;

namespace CredIr.Eradication.Trails;

/// <summary>Something a source could not see: an account-region it could not read, or categories of events it never holds.</summary>
public sealed record TrailGap(string? AccountId, string? Region, string Reason, EventCategories CategoriesNotSeen, string? ErrorCode = null);
