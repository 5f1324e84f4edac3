"""Minimum-cost assignment (the Hungarian algorithm, O(n^3)), pure Python.

scipy is not a dependency of kehoach; the registers we align have at most a few hundred
tasks, for which the classic potentials-and-augmenting-paths form is fast enough.
"""

from __future__ import annotations

from collections.abc import Sequence

_INF = float("inf")


def assign(cost: Sequence[Sequence[float]]) -> list[int | None]:
    """For an n x m cost matrix, the column given to each row (None when n > m and the row gets
    none) such that the total cost is minimal. Rectangular matrices are padded with zeros."""
    n = len(cost)
    m = len(cost[0]) if n else 0
    if n == 0 or m == 0:
        return [None] * n
    size = max(n, m)
    a = [[0.0] * (size + 1) for _ in range(size + 1)]  # 1-based, padded square
    for i in range(n):
        row = a[i + 1]
        for j, value in enumerate(cost[i]):
            row[j + 1] = float(value)
    u = [0.0] * (size + 1)
    v = [0.0] * (size + 1)
    p = [0] * (size + 1)  # p[j]: the row matched to column j
    way = [0] * (size + 1)
    for i in range(1, size + 1):
        p[0] = i
        j0 = 0
        minv = [_INF] * (size + 1)
        used = [False] * (size + 1)
        while True:
            used[j0] = True
            i0 = p[j0]
            delta = _INF
            j1 = 0
            row = a[i0]
            ui0 = u[i0]
            for j in range(1, size + 1):
                if not used[j]:
                    cur = row[j] - ui0 - v[j]
                    if cur < minv[j]:
                        minv[j] = cur
                        way[j] = j0
                    if minv[j] < delta:
                        delta = minv[j]
                        j1 = j
            for j in range(size + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while True:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
            if j0 == 0:
                break
    result: list[int | None] = [None] * n
    for j in range(1, size + 1):
        i = p[j]
        if 1 <= i <= n and j <= m:
            result[i - 1] = j - 1
    return result
