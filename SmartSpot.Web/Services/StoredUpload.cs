namespace SmartSpot.Web.Services;

/// <summary>An uploaded file saved under the data directory.</summary>
/// <param name="Path">Where it is stored: a generated name, never the client's.</param>
/// <param name="FileName">The client's file name, for display only.</param>
/// <param name="Length">Bytes stored.</param>
public sealed record StoredUpload(string Path, string FileName, long Length);
