using SmartSpot.Web.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddSmartSpot();

var app = builder.Build();
app.MapSmartSpot();
app.Run();

/// <summary>The entry point, public for WebApplicationFactory in the tests.</summary>
public partial class Program;
