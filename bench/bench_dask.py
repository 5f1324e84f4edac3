"""The Dask engine against the local pool on generated plans: seconds, files/s, the overhead per file.

    python bench/bench_dask.py                 # 1,000 generated plans, 2 workers each way
    python bench/bench_dask.py --plans 200     # a smaller run on a busy machine
    pip install -e '.[dask]'

Plans are TXT plans written from a template with a seeded random generator (header, number,
title, 8-30 tasks with lead/support units and timelines of every kind), in a temp dir. Each
engine converts them all to JSON under -o DIR through `batch.convert`: the local pool with
--jobs 2, then `--engine dask` on a LocalCluster of 2 workers (its start-up timed apart). It
prints both times, files/s, (dask - local) / plans as the overhead per file, the load
average before and after (a busy machine inflates both), and checks the outputs are byte-identical.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import random
import sys
import tempfile
import time
from pathlib import Path

UNITS = [
    "Phòng Nội vụ",
    "Văn phòng HĐND và UBND huyện",
    "Phòng Văn hoá và Thông tin",
    "UBND các xã, thị trấn",
    "Phòng Tài chính - Kế hoạch",
    "Trung tâm Truyền thông - Văn hóa - Thể thao",
    "Phòng Tư pháp",
    "Công an huyện",
    "Phòng Giáo dục và Đào tạo",
    "Các cơ quan, đơn vị thuộc huyện",
]
VERBS = [
    "Tuyên truyền",
    "Kiểm tra",
    "Rà soát",
    "Tổ chức tập huấn về",
    "Xây dựng kế hoạch",
    "Báo cáo kết quả",
    "Đánh giá",
    "Triển khai",
]
OBJECTS = [
    "cải cách hành chính",
    "kiểm soát thủ tục hành chính",
    "chuyển đổi số",
    "công tác văn thư, lưu trữ",
    "Chỉ số PAR INDEX",
    "dịch vụ công trực tuyến",
    "phòng, chống tham nhũng",
    "quy chế dân chủ ở cơ sở",
]


def timeline(rng: random.Random, year: int) -> str:
    return rng.choice(
        [
            "Thường xuyên",
            f"Quý {rng.choice(['I', 'II', 'III', 'IV'])}/{year}",
            f"Trước ngày {rng.randint(1, 28)}/{rng.randint(1, 12)}/{year}",
            "01 lần/quý",
            "Hằng tháng",
            f"Tháng {rng.randint(1, 12)}/{year}",
            "Theo chỉ đạo của UBND tỉnh",
            f"6 tháng đầu năm {year}",
        ]
    )


def plan_text(n: int, rng: random.Random) -> str:
    year = rng.choice([2024, 2025, 2026])
    lines = [
        "ỦY BAN NHÂN DÂN",
        f"HUYỆN {rng.choice(['SƠN HÀ', 'QUẾ SƠN', 'LỘC HÀ', 'BA TƠ'])}",
        "",
        f"Số: {n + 1}/KH-UBND",
        f"ngày {rng.randint(1, 28)} tháng {rng.randint(1, 12)} năm {year}",
        "",
        "KẾ HOẠCH",
        f"{rng.choice(VERBS)} {rng.choice(OBJECTS)} năm {year}",
        "",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "",
        "- Nâng cao nhận thức của cán bộ, công chức và nhân dân.",
        "",
        "II. NHIỆM VỤ, GIẢI PHÁP",
        "",
    ]
    for i in range(1, rng.randint(8, 30) + 1):
        lead, support = rng.sample(UNITS, 2)
        lines += [
            f"{i}. {rng.choice(VERBS)} {rng.choice(OBJECTS)}",
            "",
            f"- Cơ quan chủ trì: {lead}.",
            "",
            f"- Cơ quan phối hợp: {support}.",
            "",
            f"- Thời gian thực hiện: {timeline(rng, year)}.",
            "",
        ]
    lines += [
        "III. TỔ CHỨC THỰC HIỆN",
        "",
        "Các cơ quan, đơn vị triển khai thực hiện nghiêm túc Kế hoạch này.",
        "",
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
        "",
        "Nguyễn Văn A",
    ]
    return "\n".join(lines) + "\n"


def generate(folder: Path, plans: int, seed: int = 15) -> list[str]:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(plans):
        path = folder / f"kh-{n:05d}.txt"
        path.write_text(plan_text(n, rng), encoding="utf-8")
        paths.append(str(path))
    return paths


def convert(paths: list[str], out: Path, engine=None) -> float:
    from kehoach import batch

    sources = batch.discover(paths)
    began = time.perf_counter()
    result = batch.convert(sources, ["json"], output=f"{out}/", jobs=2, engine=engine)
    seconds = time.perf_counter() - began
    assert not result.failed, [o.error for o in result.batch.failures][:3]
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, default=1000)
    args = parser.parse_args()
    from kehoach.engines.dask_engine import DaskEngine

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        paths = generate(root / "plans", args.plans)
        load_before = os.getloadavg()[0]
        local = convert(paths, root / "local")
        engine = DaskEngine(None, 2)
        began = time.perf_counter()  # the cluster's start-up alone: an empty run
        client, cluster = engine.client()
        client.close()
        cluster.close()
        startup = time.perf_counter() - began
        dask = convert(paths, root / "dask", engine)
        load_after = os.getloadavg()[0]
        names = sorted(p.name for p in (root / "local").iterdir())
        _, mismatch, errors = filecmp.cmpfiles(root / "local", root / "dask", names, shallow=False)
        n = args.plans
        print(
            f"plans: {n} generated TXT plans; 2 workers each way; load average {load_before:.1f} -> {load_after:.1f} "
            f"on {os.cpu_count()} CPUs"
        )
        print(f"local pool (--jobs 2):        {local:7.1f} s  {n / local:6.1f} files/s")
        print(
            f"dask LocalCluster (2 workers): {dask:7.1f} s  {n / dask:6.1f} files/s  "
            f"(of which cluster start-up ~{startup:.1f} s)"
        )
        print(
            f"overhead per file: {(dask - local) / n * 1000:+.1f} ms; without start-up "
            f"{(dask - startup - local) / n * 1000:+.1f} ms"
        )
        print(f"outputs byte-identical: {not mismatch and not errors} ({len(names)} files)")
        if mismatch or errors:
            sys.exit(1)


if __name__ == "__main__":
    main()
