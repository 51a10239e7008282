using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using SmartSpot.Vision.Classification;
using SmartSpot.Demo;
using SmartSpot.Vision.Pipeline;
using SmartSpot.Web.Api;
using SmartSpot.Web.Components;
using SmartSpot.Web.Data;
using SmartSpot.Web.Services;

namespace SmartSpot.Web.Extensions;

/// <summary>Everything SmartSpot.Web registers and maps, so Program.cs stays a table of contents.</summary>
public static class HostingExtensions
{
    /// <summary>Where the dashboard listens unless --urls, ASPNETCORE_URLS or "Urls" say otherwise: loopback, no TLS (internal dashboard).</summary>
    public const string DefaultUrl = "http://127.0.0.1:5000";

    public static WebApplicationBuilder AddSmartSpot(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }
        // ./run.sh starts the build output, not a published folder: serve the framework's and MudBlazor's
        // files from where the build put them in every environment, not only in Development.
        builder.WebHost.UseStaticWebAssets();
        var services = builder.Services;
        var configuration = builder.Configuration;

        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<UploadOptions>().Bind(configuration.GetSection(UploadOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AnalysisOptions>().Bind(configuration.GetSection(AnalysisOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<StreamOptions>().Bind(configuration.GetSection(StreamOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        AddTreeOptions<PipelineOptions>(services, configuration, "SmartSpot:Pipeline");
        AddTreeOptions<ClassifierOptions>(services, configuration, "SmartSpot:Classifier");
        AddTreeOptions<DemoLotOptions>(services, configuration, "SmartSpot:Demo");

        services.AddDbContextFactory<SmartSpotDbContext>((provider, db) =>
        {
            db.UseSqlite($"Data Source={provider.GetRequiredService<IOptions<StorageOptions>>().Value.DatabasePath}");
        });

        services.TryAddSingleton(TimeProvider.System);
        // One ONNX session for the whole process, created on first use so a missing model fails a session, not the host.
        services.AddSingleton<ISpotClassifier>(provider => new OnnxSpotClassifier(provider.GetRequiredService<IOptions<ClassifierOptions>>().Value));
        services.AddSingleton<UploadStore>();
        services.AddSingleton<DemoLotPreparer>();
        services.AddSingleton<SessionRegistry>();
        services.AddSingleton<SessionStore>();
        services.AddSingleton<SessionRunner>();
        services.AddHostedService<DatabaseInitializer>();
        services.AddHostedService<AnalysisWorker>();

        services.AddProblemDetails();
        services.AddHealthChecks();
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddMudServices();
        services.AddRazorComponents().AddInteractiveServerComponents();
        return builder;
    }

    public static WebApplication MapSmartSpot(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        }
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapHealthChecks("/healthz");
        app.MapSessionsApi();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    private static void AddTreeOptions<T>(IServiceCollection services, IConfiguration configuration, string section)
        where T : class
    {
        services.AddOptions<T>().Bind(configuration.GetSection(section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<T>>(new OptionsTreeValidator<T>(section));
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<T>>().Value);
    }
}
