namespace SmartSpot.Web.Components.Lots;

/// <summary>The names of the commands SpotEditor.razor.js runs (its <c>command</c> export).</summary>
public static class EditorCommand
{
    public const string Tool = "tool";
    public const string Undo = "undo";
    public const string Redo = "redo";
    public const string Delete = "delete";
    public const string Copy = "copy";
    public const string Paste = "paste";
    public const string Fit = "fit";
    public const string Actual = "actual";
    public const string ZoomIn = "zoomIn";
    public const string ZoomOut = "zoomOut";
    public const string SelectSpots = "selectSpots";
    public const string RenameSpot = "renameSpot";
    public const string CreateZone = "createZone";
    public const string DeleteZone = "deleteZone";
    public const string AddToZone = "addToZone";
    public const string RemoveFromZone = "removeFromZone";
    public const string SelectZone = "selectZone";
    public const string ReplaceSpots = "replaceSpots";
    public const string Load = "load";
    public const string Problems = "problems";
    public const string Saved = "saved";
}
