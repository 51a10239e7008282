namespace SmartSpot.Web.Uploads;

/// <summary>An uploaded file saved under the data directory.</summary>
/// <param name="StoredPath">Where it is kept, relative to the data directory: a generated name, never the client's.</param>
/// <param name="FileName">The client's file name, cleaned, for display only.</param>
/// <param name="Length">Bytes stored.</param>
public sealed record StoredUpload(string StoredPath, string FileName, long Length);
