using SmartSpot.Vision.Spots;
using SmartSpot.Web.Storage;

namespace SmartSpot.Web.Lots;

/// <summary>The one mapping each way between the lot model and its database rows.</summary>
public static class LotRows
{
    public static LotEntity ToEntity(Lot lot) => new()
    {
        Id = lot.Id,
        Name = lot.Name,
        CreatedAt = lot.CreatedAt,
        UpdatedAt = lot.UpdatedAt,
        Kind = lot.Source.Kind,
        VideoFileName = lot.Source.VideoFileName,
        VideoPath = lot.Source.VideoPath,
        LiveUrl = lot.Source.LiveUrl,
        FrameWidth = lot.Layout.FrameSize.Width,
        FrameHeight = lot.Layout.FrameSize.Height,
        Speed = lot.Layout.Settings.Speed,
        Spots = ToEntities(lot.Id, lot.Layout.Spots),
        Zones = ToEntities(lot.Id, lot.Layout.Zones),
    };

    public static List<LotSpotEntity> ToEntities(Guid lotId, IEnumerable<LotSpot> spots) =>
        spots.Select(spot => new LotSpotEntity
        {
            LotId = lotId, SpotId = spot.Id, Name = spot.Name,
            X1 = spot.Quad.A.X, Y1 = spot.Quad.A.Y, X2 = spot.Quad.B.X, Y2 = spot.Quad.B.Y,
            X3 = spot.Quad.C.X, Y3 = spot.Quad.C.Y, X4 = spot.Quad.D.X, Y4 = spot.Quad.D.Y,
        }).ToList();

    public static List<ZoneEntity> ToEntities(Guid lotId, IEnumerable<LotZone> zones) =>
        zones.Select(zone => new ZoneEntity
        {
            LotId = lotId, ZoneId = zone.Id, Name = zone.Name,
            Spots = zone.SpotIds.Select(spotId => new ZoneSpotEntity { LotId = lotId, ZoneId = zone.Id, SpotId = spotId }).ToList(),
        }).ToList();

    /// <summary>A lot with its spots and zones (the entity's collections loaded).</summary>
    public static Lot ToLot(LotEntity entity) => new(
        entity.Id, entity.Name, entity.CreatedAt, entity.UpdatedAt,
        new LotSource(entity.Kind, entity.VideoFileName, entity.VideoPath, entity.LiveUrl),
        new LotLayout(
            new PixelSize(entity.FrameWidth, entity.FrameHeight),
            entity.Spots.OrderBy(spot => spot.SpotId).Select(ToSpot).ToList(),
            entity.Zones.OrderBy(zone => zone.ZoneId).Select(ToZone).ToList(),
            new LotSettings(entity.Speed)));

    private static LotSpot ToSpot(LotSpotEntity spot) =>
        new(spot.SpotId, spot.Name, new SpotQuad(new(spot.X1, spot.Y1), new(spot.X2, spot.Y2), new(spot.X3, spot.Y3), new(spot.X4, spot.Y4)));

    private static LotZone ToZone(ZoneEntity zone) => new(zone.ZoneId, zone.Name, [.. zone.Spots.Select(member => member.SpotId).Order()]);
}
