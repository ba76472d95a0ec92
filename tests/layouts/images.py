"""A portrait placeholder for layouts with a photo: a head-and-shoulders silhouette as PNG."""

from __future__ import annotations

import io
import random

from PIL import Image, ImageDraw


def portrait_png(seed: int, size: int = 240) -> bytes:
    """A silhouette on a background colour drawn from `seed` (no real face, no text)."""
    rng = random.Random(seed)
    background = tuple(rng.randint(120, 220) for _ in range(3))
    image = Image.new("RGB", (size, size), background)  # type: ignore[arg-type]
    draw = ImageDraw.Draw(image)
    figure = (70, 70, 90)
    head = size // 5
    centre = size // 2
    draw.ellipse((centre - head, size // 5, centre + head, size // 5 + 2 * head), fill=figure)
    draw.ellipse((size // 8, size * 3 // 5, size * 7 // 8, size * 3 // 2), fill=figure)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()
