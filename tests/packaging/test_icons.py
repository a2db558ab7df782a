"""The app icon exists in every size and container, generated from its SVG source."""

from __future__ import annotations

import importlib.util
import struct
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ICONS = ROOT / "resources" / "icons" / "app"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def _png_size(data: bytes) -> tuple[int, int]:
    """Return (width, height) from a PNG's IHDR chunk."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def _make_icons():
    spec = importlib.util.spec_from_file_location(
        "make_icons", ROOT / "packaging" / "make_icons.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", ["ddcheck.svg", "ddcheck-small.svg"])
def test_svg_sources_are_square_svgs(name: str) -> None:
    root = ET.parse(ICONS / name).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("viewBox") == "0 0 256 256"


@pytest.mark.parametrize("size", PNG_SIZES)
def test_png_has_its_size_and_transparent_corners(size: int) -> None:
    data = (ICONS / f"ddcheck-{size}.png").read_bytes()
    assert _png_size(data) == (size, size)
    assert data[25] == 6, "colour type 6 (RGBA) expected"
    from PIL import Image

    with Image.open(ICONS / f"ddcheck-{size}.png") as image:
        rgba = image.convert("RGBA")
        assert rgba.getpixel((0, 0))[3] < 16  # rounded corners
        assert rgba.getpixel((size - 1, size - 1))[3] < 16
        assert rgba.getpixel((size // 2, size // 2))[3] == 255


def test_ico_holds_bitmaps_up_to_48_and_png_above() -> None:
    data = (ICONS / "ddcheck.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = []
    for index in range(count):
        width, height, _, _, planes, bpp, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * index : 22 + 16 * index]
        )
        image = data[offset : offset + length]
        assert len(image) == length
        assert (planes, bpp) == (1, 32)
        side = width or 256
        assert (height or 256) == side
        if side <= 48:
            size, dib_width, dib_height, _, dib_bpp = struct.unpack("<IiiHH", image[:16])
            assert (size, dib_width, dib_height, dib_bpp) == (40, side, 2 * side, 32)
            assert length == 40 + 4 * side * side + side * ((side + 31) // 32) * 4
        else:
            assert _png_size(image) == (side, side)
        sizes.append(side)
    assert sizes == [16, 24, 32, 48, 64, 128, 256]


def test_ico_images_look_like_the_pngs() -> None:
    from PIL import Image, ImageChops

    with Image.open(ICONS / "ddcheck.ico") as ico:
        for size in (16, 32, 48, 256):
            ico.size = (size, size)
            ico.load()
            stored = Image.open(ICONS / f"ddcheck-{size}.png").convert("RGBA")
            diff = ImageChops.difference(ico.convert("RGBA"), stored)
            assert max(high for _, high in diff.getextrema()) <= 1, size


def test_icns_holds_every_retina_size_as_png() -> None:
    data = (ICONS / "ddcheck.icns").read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack(">I", data[4:8])[0] == len(data)
    found = {}
    position = 8
    while position < len(data):
        kind, length = (
            data[position : position + 4],
            struct.unpack(">I", data[position + 4 : position + 8])[0],
        )
        found[kind.decode()] = _png_size(data[position + 8 : position + length])[0]
        position += length
    assert position == len(data)
    assert found == {
        "icp4": 16,
        "icp5": 32,
        "icp6": 64,
        "ic07": 128,
        "ic08": 256,
        "ic09": 512,
        "ic10": 1024,
        "ic11": 32,
        "ic12": 64,
        "ic13": 256,
        "ic14": 512,
    }


def test_pngs_match_the_svg(qapp) -> None:
    """A fresh rendering of the SVG looks like the committed PNG (regenerate after edits)."""
    from io import BytesIO

    from PIL import Image, ImageChops

    make_icons = _make_icons()
    assert make_icons.source_for(16).name == "ddcheck-small.svg"
    assert make_icons.source_for(32).name == "ddcheck.svg"
    for size in (16, 24, 64, 256):
        fresh = Image.open(BytesIO(make_icons.render_png(make_icons.source_for(size), size)))
        stored = Image.open(ICONS / f"ddcheck-{size}.png")
        diff = ImageChops.difference(fresh.convert("RGBA"), stored.convert("RGBA"))
        worst = max(high for _, high in diff.getextrema())
        assert worst <= 16, f"ddcheck-{size}.png is out of date: run packaging/make_icons.py"


def test_ico_writer_keeps_large_pngs_as_they_are() -> None:
    make_icons = _make_icons()
    fake = {256: b"\x89PNG\r\n\x1a\n" + b"\0\0\0\rIHDR" + struct.pack(">II", 256, 256)}
    ico = make_icons.ico_bytes(fake)
    assert struct.unpack("<HHH", ico[:6]) == (0, 1, 1)
    assert ico[22:] == fake[256]


def test_pillow_reads_every_icns_size() -> None:
    from PIL import Image

    with Image.open(ICONS / "ddcheck.icns") as icns:
        sizes = set(icns.info["sizes"])
        icns.load()
        assert icns.size == (1024, 1024)
    scales = {(16, 1), (16, 2), (32, 1), (32, 2), (64, 1), (128, 1), (128, 2), (256, 1), (256, 2)}
    assert {(w, scale) for w, _, scale in sizes} >= scales | {(512, 1), (512, 2)}
