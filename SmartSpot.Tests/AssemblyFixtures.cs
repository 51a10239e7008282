// One short demo lot for every test that reads it (the browser tests share their app through BrowserCollection).
[assembly: AssemblyFixture(typeof(SmartSpot.Tests.Demo.DemoLotFixture))]
