"""Render the app icon SVG to PNGs (16-512 px), a multi-size .ico and an .icns.

Run from anywhere: `python packaging/make_icons.py` (needs PySide6 with QtSvg). Writes next to
the SVG in resources/icons/app/. The containers are written here by hand, the formats are small:
the .ico holds 32-bit bitmaps up to 48 px (what every Windows tool reads) and PNG above, as
Windows' own icons do; the .icns holds PNG images (macOS 10.7 and later).
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ICON_DIR = Path(__file__).resolve().parent.parent / "resources" / "icons" / "app"
SVG = ICON_DIR / "ddcheck.svg"
SMALL_SVG = ICON_DIR / "ddcheck-small.svg"  # bolder drawing for the smallest sizes
SMALL_MAX = 24
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICO_BITMAP_MAX = 48  # sizes up to this go into the .ico as bitmaps, larger ones as PNG
# icns element types holding PNG data, and the pixel size of each.
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic10", 1024),
    (b"ic11", 32),
    (b"ic12", 64),
    (b"ic13", 256),
    (b"ic14", 512),
)


def render_png(svg: Path, size: int) -> bytes:
    """Render `svg` to a square PNG of `size` pixels and return its bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.convertToFormat(QImage.Format.Format_ARGB32).save(buffer, "PNG")
    buffer.close()
    return bytes(data)


def png_pixels(png: bytes) -> tuple[int, int, bytes]:
    """Return (width, height, BGRA rows top to bottom) of a PNG image."""
    from PySide6.QtGui import QImage

    image = QImage.fromData(png, "PNG").convertToFormat(QImage.Format.Format_ARGB32)
    width, height, stride = image.width(), image.height(), image.bytesPerLine()
    raw = bytes(image.constBits())  # ARGB32 is B, G, R, A in memory on little-endian machines
    if sys.byteorder != "little":
        raise RuntimeError("bitmap icons are written on little-endian machines only")
    return width, height, b"".join(raw[y * stride : y * stride + 4 * width] for y in range(height))


def dib_bytes(png: bytes) -> bytes:
    """Return an icon bitmap (BITMAPINFOHEADER, 32-bit BGRA bottom-up, empty AND mask)."""
    width, height, pixels = png_pixels(png)
    rows = [pixels[y * 4 * width : (y + 1) * 4 * width] for y in range(height)]
    mask_row = b"\0" * (((width + 31) // 32) * 4)
    header = struct.pack("<IiiHHIIiiII", 40, width, 2 * height, 1, 32, 0, 0, 0, 0, 0, 0)
    return header + b"".join(reversed(rows)) + mask_row * height


def source_for(size: int) -> Path:
    """Return the SVG drawn for `size` pixels."""
    return SMALL_SVG if size <= SMALL_MAX else SVG


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """Return an .ico container of the given images (size -> PNG bytes)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, images = b"", b""
    for size in sizes:
        data = dib_bytes(pngs[size]) if size <= ICO_BITMAP_MAX else pngs[size]
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        images += data
        offset += len(data)
    return header + entries + images


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """Return an .icns container with one PNG element per type in ICNS_TYPES."""
    body = b"".join(
        kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    """Write every PNG size, ddcheck.ico and ddcheck.icns next to the SVG."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    sizes = sorted(set(PNG_SIZES) | set(ICO_SIZES) | {size for _, size in ICNS_TYPES})
    pngs = {size: render_png(source_for(size), size) for size in sizes}
    for size in PNG_SIZES:
        (ICON_DIR / f"ddcheck-{size}.png").write_bytes(pngs[size])
    (ICON_DIR / "ddcheck.ico").write_bytes(ico_bytes({s: pngs[s] for s in ICO_SIZES}))
    (ICON_DIR / "ddcheck.icns").write_bytes(icns_bytes(pngs))
    del app
    print(f"wrote {len(PNG_SIZES)} PNGs, ddcheck.ico and ddcheck.icns in {ICON_DIR}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
