using System.Text.RegularExpressions;

namespace SmartSpot.Alerts.Rules;

/// <summary>What a rule watches: a lot (a camera), or a zone of a lot when <see cref="Lot"/> is set.</summary>
/// <param name="Id">A slug (letters, digits, '-', '_'; at most 64): it becomes an MQTT topic level and part of Home Assistant ids.</param>
/// <param name="Name">What people read, e.g. "North camera" or "Row A".</param>
/// <param name="Lot">The lot a zone belongs to; null for a lot.</param>
public sealed partial record AlertScope(string Id, string Name, AlertScope? Lot = null)
{
    public string Id { get; } = RequireSlug(Id);

    public AlertScope? Lot { get; } = Lot is { Lot: not null }
        ? throw new ArgumentException($"Zone '{Id}' is given zone '{Lot.Id}' as its lot; a zone belongs to a lot, not to another zone.", nameof(Lot))
        : Lot;

    /// <summary>Unique across lots: "north" for a lot, "north/row-a" for a zone.</summary>
    public string Key => Lot is null ? Id : $"{Lot.Id}/{Id}";

    /// <summary>The lot itself, or the lot this zone belongs to.</summary>
    public AlertScope LotScope => Lot ?? this;

    /// <summary>"North camera" or "North camera / Row A".</summary>
    public string DisplayName => Lot is null ? Name : $"{Lot.Name} / {Name}";

    private static string RequireSlug(string id) => SlugPattern().IsMatch(id)
        ? id
        : throw new ArgumentException(
            $"Scope id '{id}' may only hold letters, digits, '-' and '_' (1 to 64 of them): it becomes an MQTT topic level. Use a slug such as 'row-a'.",
            nameof(Id));

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex SlugPattern();
}
