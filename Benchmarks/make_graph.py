#!/usr/bin/env python3
"""Writes one of the benchmark graphs of Benchmarks/README.md (byte-exact) and prints its SHA-256.

usage: make_graph.py small|medium|large|xl OUT.el
"""
import hashlib, sys

M = (1 << 64) - 1
SIZES = {"small": (1000, 1001), "medium": (20000, 1002), "large": (200000, 1003), "xl": (1000000, 1004)}


def mix(seed, i):
    z = (seed + (i + 1) * 0x9E3779B97F4A7C15) & M
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
    return z ^ (z >> 31)


def main():
    n, seed = SIZES[sys.argv[1]]
    owners = []
    for v in range(n):
        x = mix(seed + 3, v) % 100
        slots = 5 if v == 0 else (0 if x < 1 else 1 + x % 9)
        owners.extend([v] * slots)
    M2 = [0] * (2 * len(owners))
    for k, v in enumerate(owners):
        r = mix(seed, k) % (2 * k + 1)
        M2[2 * k] = v
        M2[2 * k + 1] = M2[r]
    edges = sorted({(min(a, b), max(a, b)) for a, b in zip(M2[0::2], M2[1::2]) if a != b})
    lines = []
    for j, (a, b) in enumerate(edges):
        q = 10000 + mix(seed + 1, j) % 90001
        lines.append(f"{a} {b} {q // 10000}.{q % 10000:04d}\n")
    data = "".join(lines).encode()
    open(sys.argv[2], "wb").write(data)
    print(hashlib.sha256(data).hexdigest(), len(edges))


if __name__ == "__main__":
    main()
