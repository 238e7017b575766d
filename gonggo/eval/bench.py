"""`make bench`: how fast gonggo is, per format, beside the baselines a user compares against.

Every measurement runs in a fresh process (`python -m gonggo.eval.bench --worker TOOL FILE`),
several times; the report gives the median and spread (max − min) of the in-process work
time (measured after one warm-up call on the same file, so imports and first-call costs are
left out), the whole-process wall time (they are in it), throughput in pages (PDF) or blocks/paragraphs (HWP,
HWPX) per second, and peak memory. Baselines:
- PDF: bare pdfplumber `extract_text()` of every page, and pypdfium2 text (the floor);
- HWP: a bare olefile text-only pass (read BodyText sections, inflate, decode PARA_TEXT);
- HWPX: python-hwpx `export_text()` (extra `bench`).
"""

from __future__ import annotations

import json
import resource
import statistics
import subprocess
import sys
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT.parent / "shared" / "samples"
REPORT = ROOT / "eval" / "reports" / "bench.md"
RUNS = 3


# Workers: each returns the number of units it processed ---------------------------------

def _gonggo_ingest(path: Path) -> int:
    from gonggo.ingest import read_document

    doc = read_document(path)
    return doc.source.pages or len(doc.blocks)


def _gonggo_full(path: Path) -> int:
    from gonggo.pipeline import parse

    doc = parse(path).document
    return doc.source.pages or len(doc.blocks)


def _pdfplumber_text(path: Path) -> int:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
        return len(pdf.pages)


def _pypdfium2_text(path: Path) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    for i in range(len(pdf)):
        pdf[i].get_textpage().get_text_range()
    return len(pdf)


def _olefile_text(path: Path) -> int:
    """The bare minimum HWP text pass: no tables, no structure, no controls."""
    import olefile

    ole = olefile.OleFileIO(str(path))
    compressed = ole.openstream("FileHeader").read()[36] & 1
    paragraphs = 0
    for entry in ole.listdir():
        if entry[0] != "BodyText":
            continue
        data = ole.openstream(entry).read()
        if compressed:
            data = zlib.decompress(data, -15)
        pos = 0
        while pos + 4 <= len(data):
            header = int.from_bytes(data[pos : pos + 4], "little")
            tag, size = header & 0x3FF, header >> 20
            pos += 4
            if size == 0xFFF:
                size = int.from_bytes(data[pos : pos + 4], "little")
                pos += 4
            if tag == 67:
                data[pos : pos + size].decode("utf-16-le", "ignore")
                paragraphs += 1
            pos += size
    return paragraphs


def _python_hwpx_text(path: Path) -> int:
    from hwpx import HwpxDocument

    text = HwpxDocument.open(str(path)).export_text()
    return text.count("\n") + 1


def _seeds(_: Path) -> int:
    """The bundled seeds end to end, timed after one warm-up pass."""
    corpus = sorted((ROOT / "corpus" / "seeds").glob("*.txt"))
    for p in corpus:
        _gonggo_full(p)
    return len(corpus)


TOOLS = {
    "gonggo-ingest": _gonggo_ingest,
    "gonggo-full": _gonggo_full,
    "pdfplumber-text": _pdfplumber_text,
    "pypdfium2-text": _pypdfium2_text,
    "olefile-text": _olefile_text,
    "python-hwpx-text": _python_hwpx_text,
    "seeds": _seeds,
}

BY_FORMAT = {
    ".pdf": ["gonggo-ingest", "gonggo-full", "pdfplumber-text", "pypdfium2-text"],
    ".hwp": ["gonggo-ingest", "gonggo-full", "olefile-text"],
    ".hwpx": ["gonggo-ingest", "gonggo-full", "python-hwpx-text"],
}


def worker(tool: str, path: str) -> None:
    fn = TOOLS[tool]
    fn(Path(path))  # warm-up: imports, model loads, first-call costs (they are in `wall`)
    started = time.perf_counter()
    units = fn(Path(path))
    work = time.perf_counter() - started
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"work_s": work, "units": units, "rss_mb": rss_mb}))


# Driver -------------------------------------------------------------------------------

def measure(tool: str, path: Path, runs: int = RUNS) -> dict | None:
    works, walls, rss, units = [], [], [], 0
    for _ in range(runs):
        started = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "gonggo.eval.bench", "--worker", tool, str(path)],
                              capture_output=True, text=True, cwd=ROOT, timeout=600, check=False)
        walls.append(time.perf_counter() - started)
        if proc.returncode != 0:
            return {"error": (proc.stderr.strip().splitlines() or ["failed"])[-1][:120]}
        row = json.loads(proc.stdout.strip().splitlines()[-1])
        works.append(row["work_s"])
        rss.append(row["rss_mb"])
        units = row["units"]
    med = statistics.median(works)
    return {"units": units, "work_s": med, "spread_s": max(works) - min(works),
            "wall_s": statistics.median(walls), "rss_mb": max(rss),
            "per_s": units / med if med > 0 else float("inf")}


def sample_files() -> list[Path]:
    from gonggo.ingest import IngestError, read_document

    files = []
    for ext in BY_FORMAT:
        for p in sorted(SAMPLES.glob(f"*/*{ext}")):
            try:
                read_document(p)
            except IngestError:
                continue  # broken / DRM / password files are not benchmarks
            files.append(p)
    return files


def run(files: list[Path] | None = None, runs: int = RUNS, progress=print) -> str:  # type: ignore[no-untyped-def]
    files = files if files is not None else sample_files()
    lines = ["# gonggo benchmarks", "",
             (f"{runs} runs per cell, each in a fresh process; medians, spread = max − min of "
             "the in-process work time after one warm-up call on the same file; `wall` is the "
             "whole process (interpreter start, imports and the warm-up included); units are pages (PDF) or blocks / paragraphs (HWP, HWPX)."), "",
             "| file | tool | units | work s (spread) | wall s | units/s | peak MB | vs baseline |",
             "|---|---|---|---|---|---|---|---|"]
    totals: dict[tuple[str, str], list[float]] = {}
    for path in files:
        results = {}
        for tool in BY_FORMAT[path.suffix.lower()]:
            progress(f"bench {path.name} {tool}")
            results[tool] = measure(tool, path, runs)
        base_tool = BY_FORMAT[path.suffix.lower()][2]
        base = results.get(base_tool) or {}
        for tool, r in results.items():
            if r is None or "error" in r:
                lines.append(f"| {path.name} | {tool} | – | {r and r.get('error')} | | | | |")
                continue
            ratio = ""
            if tool.startswith("gonggo") and base.get("work_s"):
                if path.suffix.lower() == ".pdf":
                    ratio = f"{base['work_s'] / r['work_s']:.1f}× faster than {base_tool}"
                else:
                    ratio = f"{r['work_s'] / base['work_s']:.1f}× the time of {base_tool}"
            if base.get("work_s"):
                totals.setdefault((path.suffix.lower(), tool), []).append(r["work_s"])
            lines.append(f"| {path.name} | {tool} | {r['units']} | {r['work_s']:.3f} "
                         f"({r['spread_s']:.3f}) | {r['wall_s']:.2f} | {r['per_s']:.1f} | "
                         f"{r['rss_mb']:.0f} | {ratio} |")
    lines += ["", "## Per format, summed over the files both sides read", "",
              "| format | gonggo-ingest | gonggo-full | baseline | full vs baseline |",
              "|---|---|---|---|---|"]
    for fmt, tools in BY_FORMAT.items():
        base_tool = tools[2]
        base_s = sum(totals.get((fmt, base_tool), []))
        ingest_s = sum(totals.get((fmt, "gonggo-ingest"), []))
        full_s = sum(totals.get((fmt, "gonggo-full"), []))
        if base_s and full_s:
            ratio = (f"{base_s / full_s:.1f}× faster" if fmt == ".pdf"
                     else f"{full_s / base_s:.1f}× the time (ingest alone {ingest_s / base_s:.1f}×)")
            lines.append(f"| {fmt} | {ingest_s:.3f} s | {full_s:.3f} s | {base_tool} "
                         f"{base_s:.3f} s | {ratio} |")
    progress("bench seeds end to end")
    seeds = measure("seeds", ROOT, runs)
    lines += ["", "## The four seeds end to end (after one warm-up pass)", ""]
    if seeds and "error" not in seeds:
        lines.append(f"{seeds['units']} seeds: {seeds['work_s']:.3f} s (spread "
                     f"{seeds['spread_s']:.3f} s), peak memory {seeds['rss_mb']:.0f} MB "
                     f"(targets: < 1 s, < 500 MB).")
    else:
        lines.append(f"failed: {seeds}")
    return "\n".join(lines) + "\n"


def main() -> None:
    if len(sys.argv) >= 4 and sys.argv[1] == "--worker":
        worker(sys.argv[2], sys.argv[3])
        return
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else RUNS
    report = run(runs=runs)
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text(report, encoding="utf-8")
    print(report)
    print(f"written to {REPORT}")


if __name__ == "__main__":
    main()
