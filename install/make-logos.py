"""Writes logo-32x32.png and logo-64x64.png for the kernelspec (python3 standard library only).

A round badge in Flink's pink-to-purple, with a white "J". Usage: make-logos.py DIRECTORY
"""
import math
import struct
import sys
import zlib


def inside_badge(x, y):
    return (x - 0.5) ** 2 + (y - 0.5) ** 2 <= 0.47 ** 2


def inside_j(x, y):
    # the stem, the top bar and the hook (a half ring under the stem)
    if 0.56 <= x <= 0.68 and 0.24 <= y <= 0.58:
        return True
    if 0.42 <= x <= 0.74 and 0.22 <= y <= 0.31:
        return True
    cx, cy, r = 0.47, 0.58, 0.21
    d = math.hypot(x - cx, y - cy)
    return y >= cy and r - 0.12 <= d <= r


def pixel(px, py, size, samples=4):
    r = g = b = a = 0.0
    for sy in range(samples):
        for sx in range(samples):
            x = (px + (sx + 0.5) / samples) / size
            y = (py + (sy + 0.5) / samples) / size
            if not inside_badge(x, y):
                continue
            if inside_j(x, y):
                cr, cg, cb = 255, 255, 255
            else:
                t = (x + y) / 2  # diagonal gradient
                cr, cg, cb = 230 - 90 * t, 82 - 20 * t, 111 + 90 * t
            r, g, b, a = r + cr, g + cg, b + cb, a + 1
    n = samples * samples
    if a == 0:
        return (0, 0, 0, 0)
    return (round(r / a), round(g / a), round(b / a), round(255 * a / n))


def png(size):
    rows = b"".join(
        b"\x00" + bytes(c for px in range(size) for c in pixel(px, py, size)) for py in range(size)
    )

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9))
            + chunk(b"IEND", b""))


def main():
    directory = sys.argv[1]
    for size in (32, 64):
        with open(f"{directory}/logo-{size}x{size}.png", "wb") as out:
            out.write(png(size))


if __name__ == "__main__":
    main()
