using SmartSpot.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddSmartSpot();

var app = builder.Build();
app.MapSmartSpot();
return await app.RunSmartSpotAsync(args);

/// <summary>The entry point, public for WebApplicationFactory in the tests.</summary>
public partial class Program;
