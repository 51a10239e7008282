using System.Reflection;

namespace SmartSpot.Web.Hosting;

/// <summary>Finds settings under <c>SmartSpot:</c> that no option reads (a misspelt key is otherwise silently ignored) and the valid key nearest to each.</summary>
public sealed class SettingsKeyChecker
{
    private readonly List<string> _known = [];

    /// <summary>Registers every key of <typeparamref name="T"/> (nested SmartSpot records too) under <paramref name="section"/>.</summary>
    public SettingsKeyChecker Add<T>(string section)
    {
        Collect(typeof(T), section);
        return this;
    }

    /// <summary>Keys below <c>SmartSpot</c> in <paramref name="configuration"/> that no option reads, with the nearest valid key.</summary>
    public IReadOnlyList<(string Key, string Nearest)> FindUnknown(IConfiguration configuration) =>
        Leaves(configuration.GetSection("SmartSpot"))
            .Where(key => !_known.Contains(key, StringComparer.OrdinalIgnoreCase))
            .Select(key => (key, _known.MinBy(known => Distance(key.ToLowerInvariant(), known.ToLowerInvariant()))!))
            .ToList();

    private void Collect(Type type, string path)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.SetMethod is null || property.GetIndexParameters().Length > 0) continue;
            var key = $"{path}:{property.Name}";
            if (property.PropertyType.IsClass && property.PropertyType.Namespace?.StartsWith("SmartSpot", StringComparison.Ordinal) == true)
            {
                Collect(property.PropertyType, key);
            }
            else
            {
                _known.Add(key);
            }
        }
    }

    private static IEnumerable<string> Leaves(IConfigurationSection section) =>
        section.GetChildren().SelectMany(child => child.GetChildren().Any() ? Leaves(child) : [child.Path]);

    /// <summary>Levenshtein distance: edits between two keys.</summary>
    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
            previous = current;
        }
        return previous[b.Length];
    }
}
