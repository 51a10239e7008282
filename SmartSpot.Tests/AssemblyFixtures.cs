// Fixtures shared by the whole suite: one app with one Chromium for every browser test, one short demo lot for every test that reads it.
[assembly: AssemblyFixture(typeof(SmartSpot.Tests.Web.EndToEnd.SmartSpotAppFixture))]
[assembly: AssemblyFixture(typeof(SmartSpot.Tests.Demo.DemoLotFixture))]
