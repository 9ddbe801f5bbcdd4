namespace SmartPick.Contracts;

/// <summary>
/// The organization's program catalog has a new version (after an import or an edit). The tenant travels
/// with the message envelope, never in the body; every candidate list of that tenant is regenerated.
/// </summary>
public sealed record CatalogVersionPublished(string CatalogVersion);
