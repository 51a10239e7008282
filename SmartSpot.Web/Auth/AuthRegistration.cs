using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartSpot.Web.Auth.Accounts;
using SmartSpot.Web.Auth.ApiKeys;
using SmartSpot.Web.Auth.Audit;
using SmartSpot.Web.Auth.CrossSite;
using SmartSpot.Web.Auth.Storage;
using SmartSpot.Web.Storage;

namespace SmartSpot.Web.Auth;

/// <summary>
/// Registers sign-in (ASP.NET Core Identity on SQLite), API keys, the role policies, the audit log and the cross-site
/// defences; and puts the defences and authentication into the request pipeline.
/// </summary>
public static class AuthRegistration
{
    public static IServiceCollection AddSmartSpotAuth(this IServiceCollection services)
    {
        services.AddDbContextFactory<AuthDbContext>((provider, db) => db.UseSqlite(
            $"Data Source={provider.GetRequiredService<IOptions<StorageOptions>>().Value.DatabasePath}",
            sqlite => sqlite.MigrationsHistoryTable(AuthDbContext.HistoryTable)));
        // Cookie and antiforgery keys live in the data directory, so sign-ins survive a restart and a moved directory.
        services.AddDataProtection().SetApplicationName("SmartSpot");
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<StorageOptions>, ILoggerFactory>((keys, storage, logs) =>
            keys.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(storage.Value.KeysDirectory), logs));

        services.AddAuthentication(AuthSchemes.Default)
            .AddPolicyScheme(AuthSchemes.Default, "Sign-in cookie or API key", scheme => scheme.ForwardDefaultSelector = AuthSchemes.Select)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(AuthSchemes.ApiKey, null)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, NoSignInAuthenticationHandler>(AuthSchemes.NoSignIn, null)
            .AddIdentityCookies();
        services.AddIdentityCore<IdentityUser>()
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AuthDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        services.AddOptions<IdentityOptions>().Configure<IOptions<AuthOptions>>((identity, auth) =>
        {
            identity.Password = new PasswordOptions
            {
                RequiredLength = auth.Value.MinPasswordLength,
                RequireDigit = false,
                RequireLowercase = false,
                RequireUppercase = false,
                RequireNonAlphanumeric = false,
                RequiredUniqueChars = 1,
            };
            identity.Lockout = new LockoutOptions
            {
                AllowedForNewUsers = true,
                MaxFailedAccessAttempts = auth.Value.MaxFailedSignIns,
                DefaultLockoutTimeSpan = auth.Value.LockoutDuration,
            };
        });
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme).Configure<IOptions<AuthOptions>>(ConfigureCookie);
        services.AddOptions<SecurityStampValidatorOptions>().Configure<IOptions<AuthOptions>>((stamp, auth) => stamp.ValidationInterval = auth.Value.RevalidationInterval);
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = ".SmartSpot.Antiforgery";
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            antiforgery.SuppressXFrameOptionsHeader = true; // SecurityHeaders sends it for every response
        });

        var viewer = new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireRole(UserRoles.AtLeast(UserRoles.Viewer)).Build();
        services.AddAuthorizationBuilder()
            .AddPolicy(UserRoles.Viewer, viewer)
            .AddPolicy(UserRoles.Operator, policy => policy.RequireRole(UserRoles.AtLeast(UserRoles.Operator)))
            .AddPolicy(UserRoles.Admin, policy => policy.RequireRole(UserRoles.AtLeast(UserRoles.Admin)))
            // [Authorize] without a policy, and every endpoint that names none (the Blazor hub, a page of a new branch), admits viewers and above.
            .SetDefaultPolicy(viewer)
            .SetFallbackPolicy(viewer);
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingIdentityStateProvider>();

        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<AuthOptions>>((forwarded, auth) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var network in auth.Value.TrustedProxyNetworks) forwarded.KnownIPNetworks.Add(network);
        });

        services.AddSingleton<AuditLog>();
        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<UserAdministration>();
        services.AddSingleton<PasswordResetCommand>();
        services.AddSingleton<AuthStartup>();
        services.AddHostedService(provider => provider.GetRequiredService<AuthStartup>());
        return services;
    }

    /// <summary>Before everything else: forwarded headers (from the trusted proxies only), the security headers and the cross-site guard.</summary>
    public static IApplicationBuilder UseSmartSpotDefences(this IApplicationBuilder app)
    {
        if (app.ApplicationServices.GetRequiredService<IOptions<AuthOptions>>().Value.TrustedProxyNetworks.Count > 0)
        {
            app.UseForwardedHeaders();
        }
        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<SameOriginGuard>();
        return app;
    }

    /// <summary>Who the request is (cookie, API key or sign-in off), whether their role allows the endpoint, and the audit of what they did.</summary>
    public static IApplicationBuilder UseSmartSpotAuth(this IApplicationBuilder app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAudit();
        return app;
    }

    private static void ConfigureCookie(CookieAuthenticationOptions cookie, IOptions<AuthOptions> auth)
    {
        cookie.Cookie.Name = ".SmartSpot.Session";
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SameSite = SameSiteMode.Lax;
        cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        cookie.ExpireTimeSpan = auth.Value.SessionTimeout;
        cookie.SlidingExpiration = true;
        cookie.LoginPath = AccountEndpoints.SignInPath;
        cookie.AccessDeniedPath = "/account/denied";
        // Pages are sent to sign in; the API, the Blazor hub and form posts get a 401 or 403 with a message.
        cookie.Events.OnRedirectToLogin = context => AuthProblems.IsPageRequest(context.Request)
            ? Redirect(context)
            : AuthProblems.UnauthorizedAsync(context.HttpContext, AuthProblems.SignInRequired);
        cookie.Events.OnRedirectToAccessDenied = context => AuthProblems.IsPageRequest(context.Request)
            ? Redirect(context)
            : AuthProblems.ForbiddenAsync(context.HttpContext);
    }

    private static Task Redirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
