"""Training augmentations, applied to an oriented BGR uint8 crop at its native size.

Three groups, chosen for lots and cameras the model has never seen:
  * synthetic scene changes that target known failure modes (markings on empty bays,
    a neighbouring car reaching into an empty bay, a car roof filling the whole crop,
    shadows, dark tint, foliage-like blobs);
  * geometry: box jitter (shift / scale / aspect / small rotation), flips, 90 deg turns of
    square-ish crops (consistent with the orientation rule);
  * camera / photometric: brightness, contrast, hue and saturation, grey, blur, low
    resolution, noise, JPEG re-compression.
Every function takes a numpy Generator so a run is reproducible from one seed.
"""
import cv2
import numpy as np

EMPTY, OCCUPIED = 0, 1


def random_colour(rng) -> tuple:
    return tuple(int(v) for v in rng.integers(0, 256, 3))


def paint_markings(image, rng):
    """Painted lines, rectangles, arrows and stains on the ground (keeps the label)."""
    out = image.copy()
    h, w = out.shape[:2]
    for _ in range(rng.integers(1, 4)):
        colour = random_colour(rng) if rng.random() < 0.6 else (230, 230, 230) if rng.random() < 0.5 else (40, 200, 230)
        thickness = max(1, int(min(h, w) * rng.uniform(0.03, 0.15)))
        kind = rng.integers(0, 4)
        if kind == 0:  # line
            p1 = (int(rng.integers(0, w)), int(rng.integers(0, h)))
            p2 = (int(rng.integers(0, w)), int(rng.integers(0, h)))
            cv2.line(out, p1, p2, colour, thickness)
        elif kind == 1:  # small symbol-like filled rectangle or a larger outline (a box marking)
            x, y = int(rng.integers(0, w)), int(rng.integers(0, h))
            filled = rng.random() < 0.5
            limit = 3 if filled else 1  # a large filled block would look like a car roof
            rw, rh = int(rng.integers(w // 10 + 1, w // limit + 2)), int(rng.integers(h // 10 + 1, h // limit + 2))
            cv2.rectangle(out, (x, y), (x + rw, y + rh), colour, -1 if filled else thickness)
        elif kind == 2:  # arrow
            p1 = (int(rng.integers(0, w)), int(rng.integers(0, h)))
            p2 = (int(rng.integers(0, w)), int(rng.integers(0, h)))
            cv2.arrowedLine(out, p1, p2, colour, thickness, tipLength=0.3)
        else:  # stain: dark or light ellipse
            centre = (int(rng.integers(0, w)), int(rng.integers(0, h)))
            axes = (int(rng.integers(2, w // 3 + 3)), int(rng.integers(2, h // 3 + 3)))
            shade = int(rng.integers(0, 70)) if rng.random() < 0.7 else int(rng.integers(150, 256))
            cv2.ellipse(out, centre, axes, float(rng.uniform(0, 180)), 0, 360, (shade,) * 3, -1)
    alpha = rng.uniform(0.5, 1.0)  # worn paint
    return cv2.addWeighted(out, alpha, image, 1 - alpha, 0)


def intrude_neighbour(image, occupied, rng):
    """Paste a slice of a car (from an occupied crop) at one edge of an empty crop."""
    h, w = image.shape[:2]
    car = cv2.resize(occupied, (w, h), interpolation=cv2.INTER_AREA)
    out = image.copy()
    side = rng.integers(0, 4)
    if side < 2:  # left / right: the long sides of a wide crop
        band = max(1, int(w * rng.uniform(0.08, 0.3)))
        start = int(rng.integers(w // 4, w - w // 4 - band + 1)) if w - w // 2 > band else 0
        piece = car[:, start:start + band]
        if side == 0:
            out[:, :band] = piece
        else:
            out[:, w - band:] = piece
    else:  # top / bottom
        band = max(1, int(h * rng.uniform(0.08, 0.25)))
        start = int(rng.integers(h // 4, h - h // 4 - band + 1)) if h - h // 2 > band else 0
        piece = car[start:start + band, :]
        if side == 2:
            out[:band, :] = piece
        else:
            out[h - band:, :] = piece
    return out


def zoom_to_roof(image, rng):
    """Crop the centre of an occupied crop so the car fills it (high or close cameras)."""
    h, w = image.shape[:2]
    fx, fy = rng.uniform(0.4, 0.75), rng.uniform(0.4, 0.75)
    cw, ch = max(2, int(w * fx)), max(2, int(h * fy))
    x0 = (w - cw) // 2 + int(rng.integers(-(w - cw) // 4, (w - cw) // 4 + 1))
    y0 = (h - ch) // 2 + int(rng.integers(-(h - ch) // 4, (h - ch) // 4 + 1))
    return image[y0:y0 + ch, x0:x0 + cw]


def random_polygon_mask(h, w, rng):
    mask = np.zeros((h, w), np.uint8)
    n = rng.integers(3, 7)
    points = np.stack([rng.integers(-w // 2, w + w // 2, n), rng.integers(-h // 2, h + h // 2, n)], axis=1)
    cv2.fillPoly(mask, [points.astype(np.int32)], 1)
    return mask.astype(bool)


def cast_shadow(image, rng):
    """Darken a random polygon (shadow of a building, tree or neighbouring car)."""
    mask = random_polygon_mask(*image.shape[:2], rng)
    out = image.astype(np.float32)
    out[mask] *= rng.uniform(0.35, 0.75)
    return np.clip(out, 0, 255).astype(np.uint8)


def add_foliage(image, rng):
    """Green-ish textured blobs over part of the crop (trees in front of the camera)."""
    h, w = image.shape[:2]
    mask = random_polygon_mask(h, w, rng)
    texture = rng.normal(0, 25, (h, w, 3)) + np.array([rng.uniform(20, 70), rng.uniform(80, 160), rng.uniform(40, 110)])
    texture = cv2.GaussianBlur(texture.astype(np.float32), (0, 0), rng.uniform(0.5, 1.5))
    out = image.copy()
    out[mask] = np.clip(texture[mask], 0, 255).astype(np.uint8)
    return out


def dark_tint(image, rng):
    """Dusk, under-exposure or a dark car on dark asphalt."""
    gamma = rng.uniform(1.2, 2.2)
    out = 255.0 * (image / 255.0) ** gamma * rng.uniform(0.5, 0.9)
    return out.astype(np.uint8)


def paint_bay_lines(image, rng):
    """Thin painted bay lines (white, yellow or red, partly worn) along one or both long edges, or
    across an end, on crops of BOTH classes: lines then tell nothing about the class."""
    out = image.copy()
    h, w = out.shape[:2]
    colour = [(235, 235, 235), (40, 200, 230), (50, 50, 190)][rng.integers(0, 3)]
    colour = tuple(int(c * rng.uniform(0.7, 1.0)) for c in colour)
    thickness = max(1, int(h * rng.uniform(0.03, 0.08)))
    for _ in range(rng.integers(1, 3)):
        kind = rng.integers(0, 3)
        if kind < 2:  # along a long edge, a little inside the crop
            y = int(h * rng.uniform(0.0, 0.15)) if kind == 0 else int(h * rng.uniform(0.85, 1.0))
            cv2.line(out, (0, y), (w - 1, y + int(rng.integers(-2, 3))), colour, thickness)
        else:  # across one end
            x = int(w * rng.uniform(0.0, 0.1)) if rng.random() < 0.5 else int(w * rng.uniform(0.9, 1.0))
            cv2.line(out, (x, 0), (x + int(rng.integers(-2, 3)), h - 1), colour, thickness)
    alpha = rng.uniform(0.5, 1.0)
    return cv2.addWeighted(out, alpha, image, 1 - alpha, 0)


def night_camera(image, rng):
    """Night: an infrared camera's grey picture (contrast and level vary), or dusk under orange
    sodium light (dark, blue and green suppressed); both with sensor noise."""
    if rng.random() < 0.5:
        grey = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY).astype(np.float32)
        grey = (grey - grey.mean()) * rng.uniform(0.4, 1.2) + rng.uniform(40, 170)
        out = np.repeat(grey[..., None], 3, axis=2)
    else:
        out = 255.0 * (image / 255.0) ** rng.uniform(1.3, 2.5) * rng.uniform(0.4, 0.9)
        out = out * np.array([rng.uniform(0.25, 0.6), rng.uniform(0.55, 0.85), 1.0])
    out = out + rng.normal(0, rng.uniform(2, 10), out.shape)
    return np.clip(out, 0, 255).astype(np.uint8)


def to_grey(image):
    """Luminance only, level and contrast kept: the colour of a painted line or a lamp is no cue."""
    return cv2.cvtColor(cv2.cvtColor(image, cv2.COLOR_BGR2GRAY), cv2.COLOR_GRAY2BGR)


def low_light(image, rng):
    """Dusk or night in colour: less light (a gain and a mild gamma), the cast of sodium or cool LED
    lamps, sensor noise. Multiplicative, unlike `night`: a crop keeps its contrast relative to its
    brightness, so a flat bay stays flat and a car keeps its outline (`night` also squeezed the
    contrast of cars until they looked like plain asphalt)."""
    out = 255.0 * (image / 255.0) ** rng.uniform(1.0, 1.4) * rng.uniform(0.3, 0.8)
    cast = rng.integers(0, 3)
    if cast == 0:  # sodium: orange, blue and green suppressed
        out = out * np.array([rng.uniform(0.55, 0.8), rng.uniform(0.75, 0.95), 1.0])
    elif cast == 1:  # cool LED or moonlight: red suppressed
        out = out * np.array([1.0, rng.uniform(0.9, 1.0), rng.uniform(0.7, 0.9)])
    out = out + rng.normal(0, rng.uniform(1.5, 5), out.shape)
    return np.clip(out, 0, 255).astype(np.uint8)


def jitter_box(image, rng):
    """The spot box may be a bit off: shift, scale, aspect change and a small rotation."""
    h, w = image.shape[:2]
    angle = rng.uniform(-8, 8)
    scale = rng.uniform(0.85, 1.15)
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), angle, scale)
    matrix[0, 2] += rng.uniform(-0.1, 0.1) * w
    matrix[1, 2] += rng.uniform(-0.1, 0.1) * h
    out = cv2.warpAffine(image, matrix, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REFLECT_101)
    keep_w, keep_h = rng.uniform(0.8, 1.0), rng.uniform(0.8, 1.0)  # aspect jitter
    cw, ch = max(2, int(w * keep_w)), max(2, int(h * keep_h))
    x0, y0 = int(rng.integers(0, w - cw + 1)), int(rng.integers(0, h - ch + 1))
    return out[y0:y0 + ch, x0:x0 + cw]


def flip_and_turn(image, rng):
    """Flips; square-ish crops may also be turned 90 deg (a wide crop turned 90 deg would be
    rotated back by the orientation rule, so for it flips already cover every case)."""
    if rng.random() < 0.5:
        image = cv2.flip(image, 1)
    if rng.random() < 0.5:
        image = cv2.flip(image, 0)
    h, w = image.shape[:2]
    if w < 1.3 * h and rng.random() < 0.5:
        image = cv2.rotate(image, cv2.ROTATE_90_CLOCKWISE)
    return image


def jitter_colour(image, rng):
    """Hue, saturation, brightness and contrast; sometimes grey."""
    hsv = cv2.cvtColor(image, cv2.COLOR_BGR2HSV).astype(np.float32)
    hsv[..., 0] = (hsv[..., 0] + rng.uniform(-12, 12)) % 180
    hsv[..., 1] *= rng.uniform(0.5, 1.5)
    out = cv2.cvtColor(np.clip(hsv, 0, 255).astype(np.uint8), cv2.COLOR_HSV2BGR).astype(np.float32)
    out = (out - out.mean()) * rng.uniform(0.6, 1.4) + out.mean() + rng.uniform(-40, 40)
    out = out * rng.uniform(0.9, 1.1, 3)  # white balance
    out = np.clip(out, 0, 255).astype(np.uint8)
    if rng.random() < 0.1:
        out = cv2.cvtColor(cv2.cvtColor(out, cv2.COLOR_BGR2GRAY), cv2.COLOR_GRAY2BGR)
    return out


def degrade_camera(image, rng):
    """Blur, low resolution, sensor noise and JPEG re-compression."""
    h, w = image.shape[:2]
    if rng.random() < 0.3:
        image = cv2.GaussianBlur(image, (0, 0), rng.uniform(0.3, 1.5))
    if rng.random() < 0.3:
        factor = rng.uniform(0.3, 0.8)
        small = cv2.resize(image, (max(2, int(w * factor)), max(2, int(h * factor))), interpolation=cv2.INTER_AREA)
        image = cv2.resize(small, (w, h), interpolation=cv2.INTER_LINEAR)
    if rng.random() < 0.3:
        image = np.clip(image + rng.normal(0, rng.uniform(2, 12), image.shape), 0, 255).astype(np.uint8)
    if rng.random() < 0.5:
        ok, encoded = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, int(rng.integers(15, 90))])
        image = cv2.imdecode(encoded, cv2.IMREAD_COLOR)
    return image


AUGMENTATION_GROUPS = ("markings", "neighbour", "roof", "lighting", "geometry", "colour", "camera", "night", "baylines",
                       "grey", "lowlight")


def augment(image, label, rng, random_occupied, groups=AUGMENTATION_GROUPS):
    """Augmentation chain restricted to the named groups (see AUGMENTATION_GROUPS):
    markings = painted markings and stains on empty crops; neighbour = a slice of a car at an edge
    of an empty crop; roof = zoom of an occupied crop until the car fills it;
    lighting = shadows, foliage, dark tint; geometry = box jitter, flips, 90 deg turns;
    colour = hue, saturation, brightness, contrast, grey; camera = blur, low resolution, noise, JPEG;
    night = infrared grey or sodium-lit dusk, with noise (a quarter of the crops);
    baylines = thin painted lines at the crop's edges on a third of the crops of both classes;
    grey = a quarter of the crops in grey (level and contrast kept); lowlight = a quarter darkened
    multiplicatively with a lamp's colour cast and noise (contrast relative to brightness kept).
    `random_occupied()` returns an occupied crop (for intrusions)."""
    if "markings" in groups and label == EMPTY and rng.random() < 0.25:
        image = paint_markings(image, rng)
    if "neighbour" in groups and label == EMPTY and rng.random() < 0.2:
        image = intrude_neighbour(image, random_occupied(), rng)
    if "roof" in groups and label == OCCUPIED and rng.random() < 0.15:
        image = zoom_to_roof(image, rng)
    if "baylines" in groups and rng.random() < 0.33:
        image = paint_bay_lines(image, rng)
    if "geometry" in groups:
        if rng.random() < 0.8:
            image = jitter_box(image, rng)
        image = flip_and_turn(image, rng)
    if "lighting" in groups:
        if rng.random() < 0.25:
            image = cast_shadow(image, rng)
        if rng.random() < 0.1:
            image = add_foliage(image, rng)
        if rng.random() < 0.15:
            image = dark_tint(image, rng)
    if "colour" in groups and rng.random() < 0.8:
        image = jitter_colour(image, rng)
    if "grey" in groups and rng.random() < 0.25:
        image = to_grey(image)
    if "lowlight" in groups and rng.random() < 0.25:
        image = low_light(image, rng)
    if "night" in groups and rng.random() < 0.25:
        image = night_camera(image, rng)
    if "camera" in groups:
        image = degrade_camera(image, rng)
    return image
