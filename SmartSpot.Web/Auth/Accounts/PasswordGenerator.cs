using System.Security.Cryptography;

namespace SmartSpot.Web.Auth.Accounts;

/// <summary>Random passwords for new accounts and resets: four groups of five characters without look-alikes (I, l, O, 0, 1), about 117 bits.</summary>
public static class PasswordGenerator
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    public static string Create() => string.Join('-', Enumerable.Range(0, 4).Select(_ => RandomNumberGenerator.GetString(Alphabet, 5)));
}
