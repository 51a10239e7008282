using SmartSpot.Web.Lots;

namespace SmartSpot.Web.Components.Lots;

/// <summary>What the spot editor's canvas reports after each change, for the toolbar and the side panel.</summary>
/// <param name="Flash">Why the last edit was not done (it broke a rule); null after a good one.</param>
/// <param name="Zoom">Screen pixels per frame pixel.</param>
public sealed record EditorState(
    string Tool,
    int SpotCount,
    IReadOnlyList<EditorState.SelectedSpot> Selection,
    IReadOnlyList<LotFile.ZoneEntry> Zones,
    IReadOnlyList<LayoutProblem> Problems,
    string? Flash,
    bool CanUndo,
    bool CanRedo,
    bool CanPaste,
    bool Dirty,
    double Zoom)
{
    public static EditorState Initial { get; } = new("select", 0, [], [], [], null, false, false, false, false, 1);

    public sealed record SelectedSpot(int Id, string Name);
}
