"""Draws the kernelspec's logos, src/main/kernelspec/logo-32x32.png and logo-64x64.png (committed; rerun to redraw).

    /usr/bin/python3 src/scripts/make_logos.py

A rounded square in Java's blue with a recurrent signal on it: a damped wave and its samples. Plain zlib, no
imaging library; each pixel is 4x4 supersampled, so the output is the same bytes on every machine.
"""
import math
import os
import struct
import zlib

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "main", "kernelspec")
BLUE, ORANGE, WHITE = (0x1f, 0x4e, 0x79), (0xf8, 0x98, 0x20), (0xff, 0xff, 0xff)
SUB = 4


def wave(x):   # x in [0, 1] -> y in [0, 1], y down
    return 0.5 - 0.28 * math.exp(-1.2 * x) * math.sin(2 * math.pi * 1.6 * x + 0.4)


def colour_at(x, y):
    """The colour and coverage (0 or 1) of one sample point, x and y in [0, 1]."""
    r = 0.18   # corner radius of the rounded square
    cx, cy = min(max(x, r), 1 - r), min(max(y, r), 1 - r)
    if (x - cx) ** 2 + (y - cy) ** 2 > r * r:
        return None
    for k in range(5):   # the samples: white dots on the wave
        sx = 0.16 + k * 0.17
        if (x - sx) ** 2 + (y - wave((sx - 0.1) / 0.8)) ** 2 < 0.055 ** 2:
            return WHITE
    if 0.1 <= x <= 0.9 and abs(y - wave((x - 0.1) / 0.8)) < 0.045:
        return ORANGE
    return BLUE


def png(size):
    rows = bytearray()
    for j in range(size):
        rows.append(0)   # filter: none
        for i in range(size):
            acc, hits = [0, 0, 0], 0
            for sj in range(SUB):
                for si in range(SUB):
                    c = colour_at((i + (si + 0.5) / SUB) / size, (j + (sj + 0.5) / SUB) / size)
                    if c:
                        hits += 1
                        acc = [a + v for a, v in zip(acc, c)]
            alpha = round(255 * hits / SUB ** 2)
            rows += bytes([round(a / hits) for a in acc] + [alpha]) if hits else bytes(4)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(bytes(rows), 9)) + chunk(b"IEND", b""))


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    for size in (32, 64):
        path = os.path.join(OUT, f"logo-{size}x{size}.png")
        with open(path, "wb") as out:
            out.write(png(size))
        print(f"wrote {os.path.normpath(path)}")
