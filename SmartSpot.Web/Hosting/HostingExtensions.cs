using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using SmartSpot.Alerts;
using SmartSpot.Alerts.Delivery;
using SmartSpot.Demo;
using SmartSpot.Vision.Calibration;
using SmartSpot.Vision.Classification;
using SmartSpot.Vision.Pipeline;
using SmartSpot.Vision.Rendering;
using SmartSpot.Web.Alerts;
using SmartSpot.Web.Analysis;
using SmartSpot.Web.Api;
using SmartSpot.Web.Auth;
using SmartSpot.Web.Auth.Accounts;
using SmartSpot.Web.Components;
using SmartSpot.Web.Corrections;
using SmartSpot.Web.Demo;
using SmartSpot.Web.Lots;
using SmartSpot.Web.Storage;
using SmartSpot.Web.Uploads;

namespace SmartSpot.Web.Hosting;

/// <summary>Everything SmartSpot.Web registers, maps and runs, so Program.cs stays a table of contents.</summary>
public static class HostingExtensions
{
    /// <summary>Where the dashboard listens unless --urls, ASPNETCORE_URLS or "Urls" say otherwise: loopback, no TLS (internal dashboard).</summary>
    public const string DefaultUrl = "http://127.0.0.1:5000";

    /// <summary>The Host names answered unless AllowedHosts says otherwise: loopback only, so a foreign Host (DNS rebinding) gets 400.</summary>
    public const string DefaultAllowedHosts = "localhost;127.0.0.1;[::1]";

    public static WebApplicationBuilder AddSmartSpot(this WebApplicationBuilder builder)
    {
        // The lowest-priority settings, so that --urls, ASPNETCORE_URLS, --AllowedHosts, appsettings and a test host's own binding all win.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = [new(WebHostDefaults.ServerUrlsKey, DefaultUrl), new("AllowedHosts", DefaultAllowedHosts)],
        });
        // ./run.sh starts the build output, not a published folder: serve the framework's and MudBlazor's
        // files from where the build put them in every environment, not only in Development.
        builder.WebHost.UseStaticWebAssets();
        var services = builder.Services;
        var settings = new SettingsKeyChecker();
        services.AddSingleton(settings);
        services.AddHostedService<UnknownSettingsReporter>();
        AddOptions<StorageOptions>(services, builder.Configuration, settings, StorageOptions.Section);
        AddOptions<UploadOptions>(services, builder.Configuration, settings, UploadOptions.Section);
        AddOptions<AnalysisOptions>(services, builder.Configuration, settings, AnalysisOptions.Section);
        AddOptions<FrameRenderOptions>(services, builder.Configuration, settings, "SmartSpot:Stream");
        AddOptions<PipelineOptions>(services, builder.Configuration, settings, "SmartSpot:Pipeline");
        AddOptions<ClassifierOptions>(services, builder.Configuration, settings, "SmartSpot:Classifier");
        AddOptions<DemoLotOptions>(services, builder.Configuration, settings, "SmartSpot:Demo");
        AddOptions<LotOptions>(services, builder.Configuration, settings, LotOptions.Section);
        AddOptions<AlertOptions>(services, builder.Configuration, settings, AlertOptions.Section);
        AddOptions<AlertRuleOptions>(services, builder.Configuration, settings, AlertRuleOptions.Section);
        AddOptions<AuthOptions>(services, builder.Configuration, settings, AuthOptions.Section);
        AddOptions<CorrectionOptions>(services, builder.Configuration, settings, CorrectionOptions.Section);
        AddOptions<CalibrationOptions>(services, builder.Configuration, settings, "SmartSpot:Calibration");

        services.AddDbContextFactory<SmartSpotDbContext>((provider, db) =>
            db.UseSqlite($"Data Source={provider.GetRequiredService<IOptions<StorageOptions>>().Value.DatabasePath}"));
        services.AddSingleton(TimeProvider.System);
        // The models are loaded once for the whole process, on first use so a missing model fails a session, not the host;
        // each analysis gets its own classifier (the cascade remembers verdicts per spot).
        // Embeddings are kept: a lot's head reads them, and corrections are judged by the accurate model with them.
        services.AddSingleton(provider => new SpotClassifierFactory(provider.GetRequiredService<ClassifierOptions>() with { IncludeEmbedding = true }));
        services.AddSingleton<Func<SpotClassifierFactory>>(provider => provider.GetRequiredService<SpotClassifierFactory>);
        services.AddTransient(provider => provider.GetRequiredService<SpotClassifierFactory>().CreateForAnalysis());
        services.AddSingleton<Func<ISpotClassifier>>(provider => provider.GetRequiredService<ISpotClassifier>);
        services.AddSingleton<LiveFrameRenderer>();
        services.AddSingleton(provider => new StillFrameRenderer(provider.GetRequiredService<PipelineOptions>().Frames));

        services.AddSingleton<StorageStartup>();
        services.AddHostedService(provider => provider.GetRequiredService<StorageStartup>());
        services.AddSingleton<OrphanCleaner>();
        services.AddSingleton<SessionRepository>();
        services.AddSingleton<UploadStore>();
        services.AddSingleton<SessionQueue>();
        services.AddSingleton<SessionOpener>();
        services.AddSingleton<SessionRegistry>();
        services.AddSingleton<SessionReader>();
        services.AddSingleton<SessionRunner>();
        services.AddHostedService<AnalysisWorker>();
        services.AddSingleton<LotRepository>();
        services.AddSingleton<LotLayoutValidator>();
        services.AddSingleton<LotCatalog>();
        services.AddSingleton<ISourcePreparer, DemoLotPreparer>();
        services.AddSingleton<DemoSessions>();
        services.AddSingleton<CalibrationRepository>();
        services.AddSingleton<CorrectionRecorder>();
        services.AddSingleton<LiveFrameSamplers>();
        services.AddSingleton<LotCalibrator>();
        services.AddSingleton<LotClassifiers>();
        AddAlerts(services);
        services.AddSmartSpotAuth();

        services.AddProblemDetails();
        services.AddHealthChecks();
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddMudServices();
        services.AddRazorComponents().AddInteractiveServerComponents();
        return builder;
    }

    public static WebApplication MapSmartSpot(this WebApplication app)
    {
        app.UseSmartSpotDefences();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        }
        // API clients get problem details (SessionsApi); pages get the not-found page.
        app.UseWhen(context => !context.Request.Path.StartsWithSegments("/api"),
            pages => pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        app.UseSmartSpotAuth();
        app.UseAntiforgery();
        app.MapStaticAssets().AllowAnonymous();
        app.MapHealthChecks("/healthz").AllowAnonymous();
        app.MapAccountEndpoints();
        app.MapSessionsApi();
        app.MapLotsApi();
        app.MapAlertsApi();
        app.MapCorrectionsApi();
        // SecurityHeaders sends the one Content-Security-Policy (frame-ancestors included).
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(server => server.ContentSecurityFrameAncestorsPolicy = null);
        return app;
    }

    /// <summary>
    /// Readies the data directory and sign-in, then serves until shut down, or runs the <c>reset-password</c> command.
    /// A data directory SmartSpot cannot use, or sign-in off beyond loopback, ends the process with one clear line and exit code 73.
    /// </summary>
    public static async Task<int> RunSmartSpotAsync(this WebApplication app, string[] args)
    {
        try
        {
            await app.Services.GetRequiredService<StorageStartup>().PrepareAsync(CancellationToken.None);
            await app.Services.GetRequiredService<AuthStartup>().PrepareAsync(CancellationToken.None);
            if (PasswordResetCommand.IsRequested(args))
            {
                return await app.Services.GetRequiredService<PasswordResetCommand>().RunAsync(args, Console.Out, Console.Error);
            }
            ListenAddressCheck.EnsureAllowed(app.Configuration, app.Services.GetRequiredService<IOptions<AuthOptions>>().Value);
        }
        catch (StartupRefusedException refused)
        {
            await Console.Error.WriteLineAsync($"error: {refused.Message}");
            return StartupRefusedException.ExitCode;
        }
        await app.RunAsync();
        return 0;
    }

    /// <summary>Rules in the database, the alert service (webhook, MQTT) run by a hosted service, and the analyses' way into it.</summary>
    private static void AddAlerts(IServiceCollection services)
    {
        // One long-lived client for the webhook, its connections renewed every few minutes so DNS changes are seen.
        services.AddHttpClient(nameof(AlertService))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        services.AddSingleton(provider => new DeliveryLog(provider.GetRequiredService<AlertOptions>().DeliveryLogCapacity));
        services.AddSingleton<LotAlertRules>();
        services.AddSingleton(provider => AlertService.Create(
            provider.GetRequiredService<AlertOptions>(),
            provider.GetRequiredService<LotAlertRules>(),
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(AlertService)),
            provider.GetRequiredService<DeliveryLog>(),
            provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<AnalysisAlerts>();
        services.AddHostedService<AlertWorker>();
    }

    /// <summary>Binds <typeparamref name="T"/> from <paramref name="section"/>, validates it (nested records too) at start, and makes it injectable as itself.</summary>
    private static void AddOptions<T>(IServiceCollection services, IConfiguration configuration, SettingsKeyChecker settings, string section)
        where T : class
    {
        settings.Add<T>(section);
        services.AddOptions<T>().Bind(configuration.GetSection(section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<T>>(new OptionsTreeValidator<T>(section));
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<T>>().Value);
    }
}
