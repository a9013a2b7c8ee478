"""Pictures for the demo site, drawn here with Pillow (no third-party images).

Flat illustrations in the theme's colours, drawn at three times their size and scaled down
for smooth edges. Each has a description in the four languages for its alt text.
"""

import io
import math

PRIMARY = (11, 79, 138)
DARK = (16, 38, 59)
ACCENT = (245, 196, 0)
PAPER = (244, 241, 234)
SOFT = (230, 238, 246)
MID = (120, 160, 200)
WHITE = (255, 255, 255)
WARM = (199, 80, 0)
SCALE = 3


def _canvas(width, height, colour):
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (width * SCALE, height * SCALE), colour)
    return image, ImageDraw.Draw(image)


def _png(image, width, height):
    from PIL import Image

    out = io.BytesIO()
    image.resize((width, height), Image.LANCZOS).save(out, "PNG", optimize=True)
    return out.getvalue()


def _person(draw, x, y, size, colour):
    """A standing figure with its feet at (x, y), ``size`` tall (canvas units)."""
    head = size * 0.13
    draw.ellipse([x - head, y - size, x + head, y - size + 2 * head], fill=colour)
    body_top = y - size + 2.3 * head
    draw.rounded_rectangle(
        [x - size * 0.17, body_top, x + size * 0.17, y], radius=size * 0.12, fill=colour
    )


def hero(width=1440, height=1080):
    """People walking over a bridge towards a rising sun."""
    image, draw = _canvas(width, height, PRIMARY)
    w, h = width * SCALE, height * SCALE
    for i in range(12):  # evening sky, in bands
        shade = tuple(int(c + (d - c) * i / 12) for c, d in zip(DARK, PRIMARY, strict=True))
        draw.rectangle([0, i * h * 0.05, w, (i + 1) * h * 0.05], fill=shade)
    draw.ellipse([w * 0.52, h * 0.18, w * 0.92, h * 0.58], fill=ACCENT)
    draw.rectangle([0, h * 0.62, w, h], fill=DARK)
    draw.arc([-w * 0.2, h * 0.48, w * 1.2, h * 1.5], 180, 360, fill=PAPER, width=int(h * 0.035))
    for i, x in enumerate((0.18, 0.3, 0.41, 0.55, 0.66)):
        size = h * (0.26 - 0.012 * i)
        _person(draw, w * x, h * (0.62 - 0.01 * i), size, WHITE if i != 2 else ACCENT)
    for i in range(7):  # the river
        y = h * (0.72 + 0.04 * i)
        draw.line([w * 0.1 * i, y, w * (0.1 * i + 0.35), y], fill=MID, width=int(h * 0.008))
    return _png(image, width, height)


def campaign(width=1440, height=720):
    """A crowd holding up a banner."""
    image, draw = _canvas(width, height, PAPER)
    w, h = width * SCALE, height * SCALE
    draw.rounded_rectangle([w * 0.18, h * 0.12, w * 0.82, h * 0.42], radius=h * 0.03, fill=ACCENT)
    for x in (0.24, 0.76):
        draw.line([w * x, h * 0.42, w * x, h * 0.7], fill=DARK, width=int(h * 0.015))
    for i in range(5):
        draw.rounded_rectangle(
            [w * (0.26 + 0.1 * i), h * 0.22, w * (0.32 + 0.1 * i), h * 0.32],
            radius=h * 0.02,
            fill=DARK,
        )
    colours = (PRIMARY, DARK, MID, PRIMARY, DARK, WARM, PRIMARY, DARK, MID)
    for i, colour in enumerate(colours):
        _person(draw, w * (0.08 + 0.105 * i), h * (1.02 + 0.02 * (i % 2)), h * 0.5, colour)
    return _png(image, width, height)


def stars(width=1280, height=720):
    """Twelve stars in a circle: the European appeal."""
    image, draw = _canvas(width, height, PRIMARY)
    w, h = width * SCALE, height * SCALE
    cx, cy, radius = w / 2, h / 2, h * 0.32
    for i in range(12):
        angle = math.tau * i / 12
        x, y = cx + radius * math.sin(angle), cy - radius * math.cos(angle)
        points = []
        for k in range(10):
            r = h * (0.055 if k % 2 == 0 else 0.022)
            a = math.tau * k / 10
            points.append((x + r * math.sin(a), y - r * math.cos(a)))
        draw.polygon(points, fill=ACCENT)
    return _png(image, width, height)


def parliament(width=1280, height=720):
    """A parliament's dome and columns."""
    image, draw = _canvas(width, height, SOFT)
    w, h = width * SCALE, height * SCALE
    draw.pieslice([w * 0.32, h * 0.12, w * 0.68, h * 0.62], 180, 360, fill=PRIMARY)
    draw.rectangle([w * 0.2, h * 0.37, w * 0.8, h * 0.45], fill=DARK)
    for i in range(7):
        x = w * (0.23 + 0.09 * i)
        draw.rectangle([x, h * 0.45, x + w * 0.035, h * 0.78], fill=PRIMARY)
    draw.rectangle([w * 0.15, h * 0.78, w * 0.85, h * 0.86], fill=DARK)
    draw.rectangle([w * 0.49, h * 0.02, w * 0.51, h * 0.14], fill=DARK)
    draw.polygon([(w * 0.51, h * 0.02), (w * 0.6, h * 0.05), (w * 0.51, h * 0.08)], fill=ACCENT)
    return _png(image, width, height)


def newspapers(width=1280, height=720):
    """A stack of newspapers."""
    image, draw = _canvas(width, height, ACCENT)
    w, h = width * SCALE, height * SCALE
    for i, colour in enumerate((PAPER, WHITE, PAPER)):
        x0, y0 = w * (0.2 + 0.05 * i), h * (0.15 + 0.08 * i)
        draw.rectangle([x0, y0, x0 + w * 0.5, y0 + h * 0.62], fill=colour, outline=DARK, width=9)
    x0, y0 = w * 0.3, h * 0.31
    draw.rectangle([x0 + w * 0.03, y0 + h * 0.05, x0 + w * 0.47, y0 + h * 0.13], fill=DARK)
    for row in range(5):
        y = y0 + h * (0.2 + 0.065 * row)
        draw.rectangle([x0 + w * 0.03, y, x0 + w * 0.22, y + h * 0.025], fill=MID)
        draw.rectangle([x0 + w * 0.26, y, x0 + w * 0.47, y + h * 0.025], fill=MID)
    return _png(image, width, height)


def network(width=1280, height=720):
    """Groups in several countries, linked."""
    image, draw = _canvas(width, height, DARK)
    w, h = width * SCALE, height * SCALE
    nodes = [(0.15, 0.3), (0.35, 0.65), (0.5, 0.25), (0.68, 0.55), (0.85, 0.3), (0.8, 0.8)]
    for a, b in ((0, 1), (0, 2), (1, 2), (2, 3), (3, 4), (3, 5), (1, 3), (2, 4)):
        (x1, y1), (x2, y2) = nodes[a], nodes[b]
        draw.line([w * x1, h * y1, w * x2, h * y2], fill=MID, width=12)
    for i, (x, y) in enumerate(nodes):
        r = h * (0.07 if i != 2 else 0.1)
        draw.ellipse([w * x - r, h * y - r, w * x + r, h * y + r], fill=ACCENT if i == 2 else WHITE)
    return _png(image, width, height)


def document(width=1280, height=720):
    """A letter with a stamp: guidance from a ministry."""
    image, draw = _canvas(width, height, PAPER)
    w, h = width * SCALE, height * SCALE
    draw.rectangle([w * 0.3, h * 0.08, w * 0.7, h * 0.95], fill=WHITE, outline=DARK, width=9)
    for row in range(9):
        y = h * (0.2 + 0.07 * row)
        draw.rectangle([w * 0.35, y, w * (0.65 - 0.05 * (row % 3)), y + h * 0.025], fill=MID)
    draw.ellipse([w * 0.52, h * 0.6, w * 0.68, h * 0.88], outline=WARM, width=24)
    return _png(image, width, height)


def logo(size=176):
    """The demo organisation's mark: a bridge under a sun, in a circle."""
    image, draw = _canvas(size, size, WHITE)
    s = size * SCALE
    draw.ellipse([0, 0, s - 1, s - 1], fill=PRIMARY)
    draw.ellipse([s * 0.36, s * 0.2, s * 0.64, s * 0.48], fill=ACCENT)
    draw.arc([s * 0.12, s * 0.45, s * 0.88, s * 1.05], 180, 360, fill=WHITE, width=int(s * 0.07))
    draw.rectangle([s * 0.2, s * 0.72, s * 0.8, s * 0.77], fill=WHITE)
    from PIL import Image, ImageDraw

    mask = Image.new("L", image.size, 0)
    ImageDraw.Draw(mask).ellipse([0, 0, s - 1, s - 1], fill=255)
    rgba = image.convert("RGBA")
    rgba.putalpha(mask)
    out = io.BytesIO()
    rgba.resize((size, size), Image.LANCZOS).save(out, "PNG", optimize=True)
    return out.getvalue()


# name: (drawing, alt text per language)
PICTURES = {
    "hero": (
        hero,
        {
            "en": "Drawing: five people walk across a bridge towards a rising sun.",
            "de": "Zeichnung: Fünf Menschen gehen über eine Brücke einer aufgehenden Sonne entgegen.",
            "ru": "Рисунок: пять человек идут по мосту навстречу восходящему солнцу.",
            "uk": "Малюнок: п'ятеро людей ідуть мостом назустріч сонцю, що сходить.",
        },
    ),
    "campaign": (
        campaign,
        {
            "en": "Drawing: a crowd holds up a large yellow banner.",
            "de": "Zeichnung: Eine Menschenmenge hält ein großes gelbes Transparent hoch.",
            "ru": "Рисунок: толпа людей держит большой жёлтый транспарант.",
            "uk": "Малюнок: натовп людей тримає великий жовтий транспарант.",
        },
    ),
    "stars": (
        stars,
        {
            "en": "Drawing: twelve yellow stars in a circle on blue, the European flag.",
            "de": "Zeichnung: Zwölf gelbe Sterne im Kreis auf Blau, die Europaflagge.",
            "ru": "Рисунок: двенадцать жёлтых звёзд по кругу на синем, флаг Европы.",
            "uk": "Малюнок: дванадцять жовтих зірок по колу на синьому, прапор Європи.",
        },
    ),
    "parliament": (
        parliament,
        {
            "en": "Drawing: the dome and columns of a parliament building.",
            "de": "Zeichnung: Kuppel und Säulen eines Parlamentsgebäudes.",
            "ru": "Рисунок: купол и колонны здания парламента.",
            "uk": "Малюнок: купол і колони будівлі парламенту.",
        },
    ),
    "newspapers": (
        newspapers,
        {
            "en": "Drawing: a stack of newspapers.",
            "de": "Zeichnung: Ein Stapel Zeitungen.",
            "ru": "Рисунок: стопка газет.",
            "uk": "Малюнок: стос газет.",
        },
    ),
    "network": (
        network,
        {
            "en": "Drawing: six points linked by lines, a network of groups.",
            "de": "Zeichnung: Sechs durch Linien verbundene Punkte, ein Netz von Gruppen.",
            "ru": "Рисунок: шесть точек, соединённых линиями, — сеть групп.",
            "uk": "Малюнок: шість точок, з'єднаних лініями, — мережа груп.",
        },
    ),
    "document": (
        document,
        {
            "en": "Drawing: an official letter with a red stamp.",
            "de": "Zeichnung: Ein amtlicher Brief mit rotem Stempel.",
            "ru": "Рисунок: официальное письмо с красной печатью.",
            "uk": "Малюнок: офіційний лист із червоною печаткою.",
        },
    ),
}
