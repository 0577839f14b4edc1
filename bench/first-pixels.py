#!/usr/bin/env python3
"""Waits until the window's status bar is painted on an Xvfb screen started with -fbdir, and prints the time (ms
since the epoch). Xvfb keeps its screen in an XWD file that it memory-maps; the first pixels of a drawn window are
what a person sees, later than the frame the app has laid out. The status bar (a light grey on the light theme,
neither the empty screen's black nor an unpainted window's white) is at the bottom of both the starting view and
the monitor. With "monitor", waits for the monitor itself: its accent-blue "Ring demo call" button in the top bar,
which the starting view does not have. Usage: first-pixels.py <fbdir>/Xvfb_screen0 <timeout s> [monitor]"""
import mmap
import struct
import sys
import time

path, timeout = sys.argv[1], float(sys.argv[2])
monitor = len(sys.argv) > 3 and sys.argv[3] == "monitor"
deadline = time.time() + timeout
with open(path, "rb") as f:
    fb = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
    header = struct.unpack(">25I", fb[:100])
    header_size, height, bytes_per_line, colours = header[0], header[5], header[12], header[19]
    pixels = header_size + colours * 12
    if monitor:
        probes = [pixels + y * bytes_per_line + x * 4 for y in range(50, 82, 4) for x in range(260, 440, 8)]
        painted = lambda r, g, b: b > 150 and r < 100
    else:
        probes = [pixels + (height - 6) * bytes_per_line + x * 4 for x in range(8, 400, 16)]
        painted = lambda r, g, b: (r, g, b) not in ((0, 0, 0), (255, 255, 255))
    while time.time() < deadline:
        for at in probes:
            if painted(fb[at + 2], fb[at + 1], fb[at]):
                print(int(time.time() * 1000))
                sys.exit(0)
        time.sleep(0.002)
sys.exit(1)
