using SmartSpot.Alerts.Delivery;
using SmartSpot.Alerts.Mqtt;

namespace SmartSpot.Tests.Alerts.Mqtt;

public sealed class MqttOptionsTests
{
    [Theory]
    [InlineData("smartspot/#")]
    [InlineData("/smartspot")]
    [InlineData("smart spot")]
    public void MqttPublisher_BaseTopicThatIsNoPlainTopic_NamesTheSettingAndAnExample(string baseTopic)
    {
        var options = new MqttOptions { BaseTopic = baseTopic };

        var error = Assert.Throws<ArgumentException>(() => new MqttPublisher(options, new DeliveryLog(), TimeProvider.System));

        Assert.Contains("SmartSpot:Alerts:Mqtt:BaseTopic", error.Message);
        Assert.Contains("e.g. 'smartspot'", error.Message);
    }

    [Fact]
    public void MqttPublisher_PortOutOfRange_NamesTheSetting()
    {
        var error = Assert.Throws<ArgumentException>(() => new MqttPublisher(new MqttOptions { Port = 0 }, new DeliveryLog(), TimeProvider.System));

        Assert.Contains("SmartSpot:Alerts:Mqtt:Port", error.Message);
    }

    [Fact]
    public void MqttTopics_ZoneAndSpot_NestUnderTheirLot()
    {
        var sut = new MqttTopics("site/smartspot");

        Assert.Equal("site/smartspot/north/zones/row-a/free", sut.Free(Lots.RowA));
        Assert.Equal("site/smartspot/north/spots/7", sut.Spot(Lots.North, 7));
        Assert.Equal("site/smartspot/status", sut.Availability);
    }
}
