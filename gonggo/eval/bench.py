"""`make bench`: how fast gonggo is, beside the floors (the bare libraries it could not be
faster than), in one run.

- Per file and format: gonggo ingest (as one command reads: PDFium in a forked child per
  file), the same reading in place (as a batch worker reads) and gonggo
  ingest+extract+validate beside the floors (PDF: pypdfium2 bare text, PyMuPDF 1.x text;
  HWP: a bare olefile record walk, rhwp-python; HWPX: python-hwpx `export_text()`; extra
  `bench`; and kordoc, Node.js, for all three: `kordoc_floor`). A floor that cannot run here
  is one note in its rows (rhwp-python 0.8.1's wheel is broken on Linux x86-64: its
  extension needs FreeType >= 2.10's `FT_Palette_Data_Get`, the libfreetype it bundles is
  older; `make bench` installs it outside the extra, best effort, so that its row says so).
  Every measurement is a fresh process
  (`python -m gonggo.eval.bench --worker TOOL FILE`; kordoc's: `node kordoc_worker.mjs`, the
  same protocol); the tools of one file run paired,
  A/B/A/B (run k of every tool before run k+1 of any), so load drifts hit both sides.
  Reported: the in-process work time (the fastest of several calls after one warm-up call on
  the same file: imports and first-call costs left out, and the slow calls that measure the
  other processes on the cores) and the whole-process wall time (they are in it), medians;
  peak memory of each process measured from outside (`/usr/bin/time -f %M`).
- Scaling: ingest and the whole run on 1x, 10x and 50x one seed's text (linear is the goal).
- Start-up: whole-process wall time of short commands (`gonggo diff` of two extracted specs
  among them), as this environment runs them and with bytecode cached; `python -X importtime`
  of the CLI paths; and a budget: `gonggo --help` imports nothing beyond its entry module and
  pre-rendered text, `gonggo diff` of two specs none of `DIFF_MUST_NOT_IMPORT`, and `import
  gonggo.cli.main` (every command) not the document model, pydantic, regex or the extractors,
  in `IMPORT_BUDGET_S` CPU seconds (median); `make bench` exits 1 when one fails.
- Batch: files per second of `gonggo extract --out` with `--jobs 1` and `--jobs 2` over an
  archive (the seeds, the field corpus and the readable samples, repeated to at least
  `ARCHIVE_MIN_FILES`: the steady state, not the pool's start), beside the per-file CPU
  distribution (median, p90, max, the slowest files; held-out test files are not named).
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = next((p for p in (Path(os.environ.get("GONGGO_SAMPLES", "/nonexistent")),
                            ROOT.parent / "shared" / "samples",
                            ROOT.parent.parent / "shared" / "samples") if p.is_dir()),
               ROOT.parent / "shared" / "samples")
CORPUS = SAMPLES.parent / "corpus"
REPORT = ROOT / "eval" / "reports" / "bench.md"
RUNS = 3
FILES_PER_FORMAT = 3  # smallest, middle and third-quartile readable sample of each format
SCALES = (1, 10, 50)
SCALE_TIMEOUT_S = 60
START_RUNS = 7
# CPU seconds of `import gonggo.cli.main` (typer alone is ~0.05 s here); CPU, not wall time,
# so that other processes on the cores do not fail the budget
IMPORT_BUDGET_S = 0.12
# what `import gonggo.cli.main` (the typer app, every command registered) must not load
HELP_MUST_NOT_IMPORT = ("pydantic", "regex", "rich.markdown", "gonggo.schemas.document",
                        "gonggo.ingest.builder", "gonggo.extractors", "spacy", "kiwipiepy")
# all that `gonggo --help` may import beyond a bare `python -c pass` (gonggo.cli.entry prints
# the help typer rendered into gonggo.cli._help; tests/test_startup.py keeps them equal)
HELP_MAY_IMPORT = ("gonggo", "gonggo.cli", "gonggo.cli.entry", "gonggo.cli._help")
# what `gonggo diff` of two extracted specs must not load (tests/test_startup.py: more)
DIFF_MUST_NOT_IMPORT = ("gonggo.extractors", "gonggo.reading", "gonggo.validate",
                        "gonggo.schemas.document", "gonggo.ingest.isolate", "rich", "kiwipiepy")


# Workers: each returns the number of units it processed ---------------------------------

def _gonggo_ingest(path: Path) -> int:
    from gonggo.ingest import read_document

    doc = read_document(path)
    return doc.source.pages or len(doc.blocks)


def _read_in_place() -> None:
    """`gonggo-read`: the readers run in this process, as in a batch worker (no fork per
    file)."""
    from gonggo.ingest.isolate import run_in_place

    run_in_place()


def _gonggo_full(path: Path) -> int:
    from gonggo.pipeline import parse

    doc = parse(path).document
    return doc.source.pages or len(doc.blocks)


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


def _pymupdf_text(path: Path) -> int:
    import pymupdf

    with pymupdf.open(str(path)) as pdf:
        for page in pdf:
            page.get_text()
        return len(pdf)


def _rhwp_text(path: Path) -> int:
    import rhwp  # PyPI rhwp-python

    doc = rhwp.parse(str(path))  # type: ignore[attr-defined]
    return len(str(doc))


TOOLS = {
    "gonggo-ingest": _gonggo_ingest,
    "gonggo-read": _gonggo_ingest,
    "gonggo-full": _gonggo_full,
    "pypdfium2-text": _pypdfium2_text,
    "pymupdf-text": _pymupdf_text,
    "olefile-text": _olefile_text,
    "rhwp-text": _rhwp_text,
    "python-hwpx-text": _python_hwpx_text,
    "seeds": _seeds,
}

# what a tool runs once in its worker before the warm-up call
SETUP = {"gonggo-read": _read_in_place}

KORDOC = "kordoc"  # a Node.js floor: its own worker (`kordoc_floor`), not a TOOLS function

# the floors of each format (the first floor is what ratios use)
FLOORS = {
    ".pdf": ["pypdfium2-text", "pymupdf-text", KORDOC],
    ".hwp": ["olefile-text", "rhwp-text", KORDOC],
    ".hwpx": ["python-hwpx-text", KORDOC],
}
# gonggo's tools per format: `gonggo-read` beside `gonggo-ingest` for the formats with an
# ingest target (a single command reads a PDF in a forked child; HWP reads in place either
# way, and its two rows show that)
GONGGO_TOOLS = {
    ".pdf": ["gonggo-ingest", "gonggo-read", "gonggo-full"],
    ".hwp": ["gonggo-ingest", "gonggo-read", "gonggo-full"],
    ".hwpx": ["gonggo-ingest", "gonggo-full"],
}
# ingest targets, × the first floor's work time summed over the format's files
TARGETS = {".pdf": 2.0, ".hwp": 3.0}


# Floors that may not load here, with the module to try: a broken native wheel is reported
# as such in the table (one note per tool), not as an ImportError in every row.
# tool → (module, distribution)
OPTIONAL_FLOORS = {"rhwp-text": ("rhwp", "rhwp-python"), "pymupdf-text": ("pymupdf", "pymupdf"),
                   "python-hwpx-text": ("hwpx", "python-hwpx")}
# how each gets installed, for the note when it is not (rhwp-python is not in the `bench`
# extra: its Linux wheel is broken, and the Makefile's `bench` target tries it best effort)
INSTALL_HINT = {"rhwp-text": "`make bench` tries `pip install rhwp-python`; it did not install"}
BENCH_EXTRA_HINT = "`pip install -e '.[bench]'`"


def floor_unavailable(tool: str, ext: str = "") -> str | None:
    """Why `tool` cannot run on `ext` files in this environment (None: it can). Runs the
    import in a child process: a native library that fails to load must not take the driver
    down."""
    if tool == KORDOC:
        from gonggo.eval import kordoc_floor

        return kordoc_floor.unavailable(ext)
    if tool not in OPTIONAL_FLOORS:
        return None
    module, dist = OPTIONAL_FLOORS[tool]
    code, _, err, _, _ = run_child([sys.executable, "-c", f"import {module}"], timeout=120)
    if code == 0:
        return None
    last = (err.strip().splitlines() or ["failed"])[-1]
    if "ModuleNotFoundError" in last:
        return f"not installed ({INSTALL_HINT.get(tool, BENCH_EXTRA_HINT)})"
    if "undefined symbol" in last:
        symbol = last.rsplit("undefined symbol:", 1)[-1].strip()
        return (f"its wheel is broken on this platform: the extension needs `{symbol}`, which "
                f"the libraries bundled in the wheel do not export ({_bundled_note(dist, symbol)})")
    return last[:160]


def _bundled_note(dist: str, symbol: str) -> str:
    """For a broken wheel: the libraries it bundles (auditwheel's `<name>.libs/`); for a
    FreeType symbol only the FreeType it bundles."""
    from importlib import metadata

    try:
        files = metadata.files(dist) or []
    except metadata.PackageNotFoundError:
        files = []
    libs = sorted(f.name for f in files if f.parent.name.endswith(".libs"))
    if symbol.startswith("FT_"):
        libs = [name for name in libs if "freetype" in name] or libs
    return ("bundled: " + ", ".join(libs)) if libs else "it bundles no libraries"


# In-process repetitions after the warm-up: the fastest is the work time (timeit's rule: on
# cores other processes share, the slower runs measure them, not the code). At least
# REPS_MIN, more while they add up to under REPS_BUDGET_S, never more than REPS_MAX. The
# budget, not the count, bounds a fast tool's window: with at most 15 calls the olefile
# floor of msit_ict_rnd_2026_1st.hwp (~5 ms) took its fastest over a 75 ms window, which one
# burst of another process's work covers; its work time ranged 5.6-13.6 ms over five
# processes (up to 100 calls in the second: 4.9-6.1 ms), and the HWP ratio of two bench runs
# read 2.0x and 3.2x for the same code.
REPS_MIN, REPS_MAX, REPS_BUDGET_S = 3, 200, 1.0


def worker(tool: str, path: str) -> None:
    if tool == "archive-cpu":
        _archive_cpu(path)
        return
    if tool.startswith("scale-"):
        _scale_worker(tool, path)
        return
    fn = TOOLS[tool]
    if tool in SETUP:
        SETUP[tool]()
    fn(Path(path))  # warm-up: imports, model loads, first-call costs (they are in `wall`)
    times: list[float] = []
    units = 0
    while len(times) < REPS_MIN or (len(times) < REPS_MAX and sum(times) < REPS_BUDGET_S):
        started = time.perf_counter()
        units = fn(Path(path))
        times.append(time.perf_counter() - started)
    # `extra_s`: the repetitions beyond the first, taken off the process's wall time
    print(json.dumps({"work_s": min(times), "reps": len(times), "extra_s": sum(times[1:]),
                      "units": units}))


def _scale_worker(tool: str, path: str) -> None:
    """`scale-ingest-N` / `scale-full-N`: one seed's text repeated N times, read once."""
    from gonggo.ingest import read_bytes
    from gonggo.pipeline import parse_document

    _, what, times = tool.split("-")
    data = (Path(path).read_text(encoding="utf-8").rstrip() + "\n\n") * int(times)
    started = time.perf_counter()
    doc = read_bytes(data.encode("utf-8"), f"{Path(path).stem}x{times}.txt")
    if what == "full":
        parse_document(doc)
    work = time.perf_counter() - started
    print(json.dumps({"work_s": work, "units": len(data)}))


# Driver -------------------------------------------------------------------------------

TIME = Path("/usr/bin/time")


def run_child(cmd: list[str], timeout: float = 600) -> tuple[int, str, str, float, float]:
    """(exit code, stdout, stderr, wall s, peak MB of that process).

    The peak is the child's own max RSS measured from outside by `/usr/bin/time`: a child
    forked straight from this driver would inherit the driver's RSS as its starting maximum
    (every light cell would show the driver's size)."""
    with tempfile.TemporaryDirectory() as tmp:
        peak_file = Path(tmp) / "peak"
        full = ([str(TIME), "-f", "%M", "-o", str(peak_file), *cmd] if TIME.exists() else cmd)
        started = time.perf_counter()
        try:
            proc = subprocess.run(full, capture_output=True, cwd=ROOT, timeout=timeout,
                                  check=False)
            code, out, err = proc.returncode, proc.stdout, proc.stderr
        except subprocess.TimeoutExpired as exc:
            code, out, err = -9, exc.stdout or b"", exc.stderr or b""
        wall = time.perf_counter() - started
        try:
            peak = int(peak_file.read_text().strip().splitlines()[-1]) / 1024
        except (OSError, ValueError, IndexError):
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        return code, out.decode("utf-8", "replace"), err.decode("utf-8", "replace"), wall, peak


def _worker_cmd(tool: str, path: Path) -> list[str]:
    if tool == KORDOC:
        from gonggo.eval import kordoc_floor

        return kordoc_floor.worker_cmd(path, REPS_MIN, REPS_MAX, REPS_BUDGET_S)
    return [sys.executable, "-m", "gonggo.eval.bench", "--worker", tool, str(path)]


def measure_paired(tools: list[str], path: Path, runs: int = RUNS) -> dict[str, dict]:
    """Every tool `runs` times on `path`, interleaved A/B/A/B; medians per tool."""
    rows: dict[str, dict] = {t: {"works": [], "walls": [], "rss": []} for t in tools}
    for tool in tools:
        key = (tool, path.suffix.lower())
        if key not in _UNAVAILABLE:
            _UNAVAILABLE[key] = floor_unavailable(*key)
        why = _UNAVAILABLE[key]
        if why:
            rows[tool]["error"] = f"not measured: {why}"
    for _ in range(runs):
        for tool in tools:
            r = rows[tool]
            if "error" in r:
                continue
            code, out, err, wall, rss = run_child(_worker_cmd(tool, path))
            if code != 0:
                r["error"] = (err.strip().splitlines() or ["failed"])[-1][:100]
                continue
            row = json.loads(out.strip().splitlines()[-1])
            r["works"].append(row["work_s"])
            r["walls"].append(wall - row.get("extra_s", 0.0))
            r["reps"] = row.get("reps", 1)
            r["rss"].append(rss)
            r["units"] = row["units"]
    result = {}
    for tool, r in rows.items():
        if "error" in r or not r["works"]:
            result[tool] = {"error": r.get("error", "no runs")}
            continue
        med = statistics.median(r["works"])
        result[tool] = {"units": r["units"], "work_s": med, "reps": r.get("reps", 1),
                        "spread_s": max(r["works"]) - min(r["works"]),
                        "wall_s": statistics.median(r["walls"]), "rss_mb": max(r["rss"]),
                        "per_s": r["units"] / med if med > 0 else float("inf")}
    return result


# (tool, extension) → why it cannot run there (checked once per run)
_UNAVAILABLE: dict[tuple[str, str], str | None] = {}


def sample_files(per_format: int = FILES_PER_FORMAT) -> list[Path]:
    """The smallest, middle and third-quartile readable sample of each format by size (the
    largest would take most of the run's time; 배포용 files are left out: decrypting them is
    not comparable with a floor reading a stub)."""
    from gonggo.ingest import IngestError, read_document

    files = []
    for ext in FLOORS:
        readable = []
        for p in sorted(SAMPLES.glob(f"*/*{ext}"), key=lambda p: p.stat().st_size):
            if "distribution" in p.name:
                continue
            try:
                read_document(p)
            except IngestError:
                continue  # broken / DRM / password files are not benchmarks
            readable.append(p)
        if len(readable) > per_format:
            last = (len(readable) - 1) * 3 / 4
            readable = [readable[round(i * last / (per_format - 1))] for i in range(per_format)]
        files += readable
    return files


def _fmt(r: dict) -> str:
    return (f"{r['units']} | {r['work_s']:.3f} ({r['spread_s']:.3f}) | {r['wall_s']:.2f} | "
            f"{r['rss_mb']:.0f}")


def floors_section(files: list[Path], runs: int, progress) -> list[str]:  # type: ignore[no-untyped-def]
    from gonggo.eval import kordoc_floor

    lines = ["## gonggo beside the floors", "",
             (f"{runs} paired runs per cell (A/B/A/B), each a fresh process; `work` = median "
              f"over the runs of the fastest of {REPS_MIN}–{REPS_MAX} in-process calls after a "
              "warm-up call (spread = max − min over the runs), `wall` = median whole process "
              "(one call), `peak MB` = that process's max RSS, measured from outside by "
              "/usr/bin/time; `× floor` = a gonggo row's time over the first floor's (targets: "
              "PDF ingest ≤ 2×, HWP ingest ≤ 3×, each read on both the `gonggo-ingest` and the "
              "`gonggo-read` row: see under the per-format table). Units: pages (PDF), blocks / "
              "paragraphs (HWP, HWPX); kordoc's: its `pageCount` (PDF), its top-level blocks "
              "(HWP, HWPX: paragraphs, headings, lists, a table one block)."), "",
             (f"kordoc {kordoc_floor.KORDOC} (Node.js; PDF through pdfjs-dist "
              f"{kordoc_floor.PDFJS}) parses to Markdown with tables and headings: a whole "
              "reader, as `gonggo-ingest` is, where the first floors are bare text passes; its "
              "calls are timed in Node by the same rule (`gonggo/eval/kordoc_worker.mjs`, "
              "installed into .bench/node by `make bench`)."), "",
             ("| file | tool | units | work s (spread) | wall s | peak MB | × floor (work) | "
              "× floor (wall) |"), "|---|---|---|---|---|---|---|---|"]
    sums: dict[tuple[str, str], list[float]] = {}  # (ext, tool) → [its work, the floor's, files]
    for path in files:
        ext = path.suffix.lower()
        tools = [*GONGGO_TOOLS[ext], *FLOORS[ext]]
        progress(f"bench {path.name}: {', '.join(tools)}")
        results = measure_paired(tools, path, runs)
        floor = results.get(FLOORS[ext][0], {})
        for tool in tools:
            r = results[tool]
            if "error" in r:
                lines.append(f"| {path.name} | {tool} | – | {r['error']} | | | | |")
                continue
            ratio_w = ratio_p = ""
            if "work_s" in floor and tool != FLOORS[ext][0]:
                total = sums.setdefault((ext, tool), [0.0, 0.0, 0])
                total[0] += r["work_s"]
                total[1] += floor["work_s"]
                total[2] += 1
                if tool.startswith("gonggo"):
                    ratio_w = f"{r['work_s'] / floor['work_s']:.1f}×"
                    ratio_p = f"{r['wall_s'] / floor['wall_s']:.1f}×"
            lines.append(f"| {path.name} | {tool} | {_fmt(r)} | {ratio_w} | {ratio_p} |")
    lines += ["", ("`gonggo-ingest` reads as a single command does (`read_document`: PDFium in a "
                   "forked child per file, `ingest.isolate.run_isolated`); `gonggo-read` is the "
                   "same reading in place, as a batch worker reads (`isolate.run_in_place()` "
                   "once in the worker): the difference between the two rows is the "
                   "isolation's fork per file. HWP is read in place either way, so its two rows "
                   "run the same code.")]
    counts = {ext: sum(1 for p in files if p.suffix.lower() == ext) for ext in FLOORS}
    lines += per_format_lines(sums, counts)
    return lines


def per_format_lines(sums: dict[tuple[str, str], list[float]],
                     counts: dict[str, int]) -> list[str]:
    """The per-format table (each tool's work summed over the files, beside the first floor's
    over the same files) and the targets line."""
    columns = ["gonggo-ingest", "gonggo-read", "gonggo-full", KORDOC]
    lines = ["", ("Per format, work summed over the files (× the first floor's sum over the "
                  "same files):"), "", f"| format | first floor | {' | '.join(columns)} |",
             "|---|---|---|---|---|---|"]
    for ext, floors in FLOORS.items():
        if (ext, "gonggo-ingest") not in sums:
            continue
        cells = []
        for tool in columns:
            total = sums.get((ext, tool))
            if total is None or not total[1]:
                cells.append("–")
                continue
            some = f", {total[2]} of {counts[ext]} files" if total[2] < counts[ext] else ""
            cells.append(f"{total[0]:.3f} s ({total[0] / total[1]:.1f}×{some})")
        base = sums[(ext, "gonggo-ingest")][1]
        lines.append(f"| {ext} | {floors[0]} {base:.3f} s | {' | '.join(cells)} |")
    targets = []
    for ext, limit in TARGETS.items():
        rows = []
        for tool in ("gonggo-ingest", "gonggo-read"):
            total = sums.get((ext, tool))
            if total and total[1]:
                ratio = total[0] / total[1]
                rows.append(f"`{tool}` {ratio:.2f}× ({'met' if ratio <= limit else 'missed'})")
            else:
                rows.append(f"`{tool}` not measured")
        targets.append(f"{ext[1:].upper()} ingest ≤ {limit:g}× {FLOORS[ext][0]}: "
                       + ", ".join(rows))
    lines += ["", ("Targets, read on both rows (`gonggo-ingest`: a single command's reading, "
                   "`gonggo-read`: a batch worker's): " + "; ".join(targets) + ".")]
    return lines


def scaling_section(progress) -> list[str]:  # type: ignore[no-untyped-def]
    seed = min((ROOT / "corpus" / "seeds").glob("*.txt"), key=lambda p: p.stat().st_size)
    lines = ["", f"## Scaling: {seed.name} repeated (one process each, in-process time)", "",
             "| × | characters | ingest s | ingest + extract + validate s | full s per 1× |",
             "|---|---|---|---|---|"]
    for times in SCALES:
        progress(f"bench scaling {times}x")
        cells = []
        for what in ("ingest", "full"):
            code, out, _, _, _ = run_child(_worker_cmd(f"scale-{what}-{times}", seed),
                                             timeout=SCALE_TIMEOUT_S)
            if code == 0:
                row = json.loads(out.strip().splitlines()[-1])
                cells.append((row["units"], row["work_s"]))
            else:
                cells.append((None, None))
        chars = cells[0][0] or cells[1][0] or 0
        full = cells[1][1]
        per = f"{full / times:.3f} s" if full is not None else "–"
        lines.append(f"| {times} | {chars} | "
                     f"{f'{cells[0][1]:.3f}' if cells[0][1] is not None else f'> {SCALE_TIMEOUT_S} s'} | "
                     f"{f'{full:.3f}' if full is not None else f'> {SCALE_TIMEOUT_S} s (killed)'} | "
                     f"{per} |")
    return lines


# Two years of one program, extracted once: `gonggo diff` of the specs is the start-up path
# of the yearly comparison (target < 0.3 s, < 300 MB). Where its time goes (issue 16, CPU ms
# of each import over the ones before it, .pyc cached, medians of 11 under load ~9):
# python 30, typer 45-52, pydantic 54-57, the Announcement model classes 75-80 (deferring
# their build only moves it into the first validation), gonggo.changes.diff 26-39 (vocab
# applicants, align, similarity, declared, the change-set models), the report writer 20-30
# and vocab.money 18-20 (md/html only), then typer's per-parameter pydantic adapters; the
# diff itself is a few ms. Kiwipiepy (2.5 s, ~300 MB) loads only for an undecided pair.
DIFF_PAIR = ("hwp/mss_didimdol_rnd_2025_gonggo.hwp", "hwp/mss_didimdol_rnd_2026_gonggo.hwp")


def _bytecode_state() -> str:
    """How the commands below get gonggo's bytecode: `make setup` compiles it (compileall);
    under PYTHONDONTWRITEBYTECODE=1 Python writes none itself, so without that step every
    command compiled every module from source."""
    import importlib.util

    sources = sorted((ROOT / "gonggo").rglob("*.py"))
    compiled = sum(1 for p in sources
                   if (c := Path(importlib.util.cache_from_source(str(p)))).is_file()
                   and c.stat().st_mtime >= p.stat().st_mtime)
    writes = not os.environ.get("PYTHONDONTWRITEBYTECODE")
    state = (f"{compiled} of {len(sources)} gonggo modules compiled ahead (`make setup` runs "
             "compileall)")
    return state + ("; Python writes the rest on first use" if writes else
                    "; PYTHONDONTWRITEBYTECODE=1: the rest compile from source on every run")


def _diff_pair(folder: Path, gonggo: list[str]) -> tuple[Path, Path] | None:
    """The specs of DIFF_PAIR (else of the first two seeds), extracted into `folder`."""
    sources = [CORPUS / name for name in DIFF_PAIR]
    if not all(p.is_file() for p in sources):
        sources = sorted((ROOT / "corpus" / "seeds").glob("*.txt"))[:2]
    if len(sources) < 2:
        return None
    code, _, _, _, _ = run_child([*gonggo, "-q", "extract", *map(str, sources), "--out",
                                  str(folder), "--jobs", "1"])
    specs = tuple(folder / f"{p.stem}.json" for p in sources)
    return specs if code == 0 and all(p.is_file() for p in specs) else None  # type: ignore[return-value]


def import_section(progress) -> tuple[list[str], bool]:  # type: ignore[no-untyped-def]
    """The import profile of the CLI paths and the start-up budget; (lines, within budget)."""
    progress("bench imports")
    lines = ["", "## Start-up", ""]
    gonggo = [str(Path(sys.executable).parent / "gonggo")]
    one = Path(tempfile.mkdtemp()) / "one.txt"
    one.write_text("지원사업 공고\n", encoding="utf-8")
    cases = {"python -c pass": [sys.executable, "-c", "pass"],
             "gonggo --help": [*gonggo, "--help"], "gonggo schema": [*gonggo, "schema"],
             "gonggo ingest (1-line txt)": [*gonggo, "ingest", str(one)],
             "gonggo extract (1-line txt)": [*gonggo, "extract", str(one)]}
    pair = _diff_pair(one.parent, gonggo)
    if pair:
        cases[f"gonggo diff (two extracted specs, {pair[0].stem} → {pair[1].stem})"] = [
            *gonggo, "diff", str(pair[0]), str(pair[1])]
        cases["gonggo diff --format json (the same specs)"] = [
            *gonggo, "diff", str(pair[0]), str(pair[1]), "--format", "json"]
    # the same commands with bytecode cached (as an installed wheel runs; an editable install
    # under PYTHONDONTWRITEBYTECODE=1 compiles every gonggo module from source on each run)
    pycache = one.parent / "pycache"
    cached = ["env", "-u", "PYTHONDONTWRITEBYTECODE", f"PYTHONPYCACHEPREFIX={pycache}"]
    bytecode = _bytecode_state()
    lines += [(f"Bytecode in this environment: {bytecode}; runs interleaved, the two columns "
               "paired."), "",
              f"| command | wall s (median of {START_RUNS}) | wall s, .pyc cached | peak MB |",
              "|---|---|---|---|"]
    for name, cmd in cases.items():
        run_child([*cached, *cmd])  # fills the bytecode cache
        walls, warm, rss = [], [], []
        for _ in range(START_RUNS):
            _, _, _, wall, mb = run_child(cmd)
            walls.append(wall)
            rss.append(mb)
            warm.append(run_child([*cached, *cmd])[3])
        lines.append(f"| `{name}` | {statistics.median(walls):.3f} | "
                     f"{statistics.median(warm):.3f} | {max(rss):.0f} |")
    # what `--help` and `diff` import (python -X importtime of the commands themselves)
    bare = _imported(run_child([sys.executable, "-X", "importtime", "-c", "pass"])[2])
    help_extra = sorted(_imported(run_child([sys.executable, "-X", "importtime", "-m", "gonggo",
                                             "--help"])[2]) - bare - {"runpy"})
    help_ok = set(help_extra) <= set(HELP_MAY_IMPORT)
    lines += ["", (f"`gonggo --help` imports beyond `python -c pass`: {', '.join(help_extra)} "
                   f"(allowed: {', '.join(HELP_MAY_IMPORT)}) → **{'ok' if help_ok else 'MORE'}**.")]
    diff_ok = True
    if pair:
        diff_mods = _imported(run_child([sys.executable, "-X", "importtime", "-m", "gonggo", "diff",
                                         str(pair[0]), str(pair[1])])[2])
        heavy_diff = [m for m in DIFF_MUST_NOT_IMPORT
                      if any(x == m or x.startswith(m + ".") for x in diff_mods)]
        diff_ok = not heavy_diff
        lines += ["", (f"`gonggo diff` of the two specs: {len(diff_mods)} modules; of those it must "
                       f"not load ({', '.join(DIFF_MUST_NOT_IMPORT)}), loaded: "
                       f"{', '.join(heavy_diff) or 'none'} (kiwipiepy only for an undecided pair).")]
    shutil.rmtree(one.parent, ignore_errors=True)
    # importtime profile of `import gonggo.cli.main` and of the extract path
    for label, code in (("gonggo.cli.main (every command)", "import gonggo.cli.main"),
                        ("+ the pipeline (extract)", ("import gonggo.cli.main, gonggo.pipeline; "
                         "import gonggo.extractors.pipeline, gonggo.validate.checks"))):
        _, _, err, _, _ = run_child([sys.executable, "-X", "importtime", "-c", code])
        rows = []
        for line in err.splitlines():
            if not line.startswith("import time:") or "|" not in line:
                continue
            self_us, cum_us, name = line[len("import time:"):].split("|")
            if self_us.strip().isdigit():
                rows.append((int(cum_us), int(self_us), name.rstrip()))
        total = sum(r[0] for r in rows if not r[2].startswith("   "))  # top level
        lines += ["", (f"`python -X importtime`, {label}: {total / 1000:.0f} ms of imports "
                       "(wall); the largest, cumulative ms (self ms):"), ""]
        lines += [f"- {name.strip()}: {cum / 1000:.1f} ({own / 1000:.1f})"
                  for cum, own, name in sorted(rows, reverse=True)[:12] if name.strip() != "site"]
    # the budget: CPU seconds, so that other processes on the cores do not fail it
    cpu, walls = [], []
    mods = ""
    for _ in range(START_RUNS):
        _, out, _, _, _ = run_child([sys.executable, "-c",
                                     ("import sys, time; c = time.process_time(); "
                                      "t = time.perf_counter(); import gonggo.cli.main; "
                                      "print(time.process_time() - c, time.perf_counter() - t); "
                                      "print(' '.join(sys.modules))")])
        first, mods = out.splitlines()[:2]
        cpu.append(float(first.split()[0]))
        walls.append(float(first.split()[1]))
    loaded = set(mods.split())
    heavy = [m for m in HELP_MUST_NOT_IMPORT if any(x == m or x.startswith(m + ".") for x in loaded)]
    median = statistics.median(cpu)
    ok = median <= IMPORT_BUDGET_S and not heavy and help_ok and diff_ok
    lines += ["", (f"Budget: `import gonggo.cli.main` {median:.3f} s CPU "
                   f"({statistics.median(walls):.3f} s wall; medians of {START_RUNS}; budget "
                   f"{IMPORT_BUDGET_S} s CPU); of the modules it must not load "
                   f"({', '.join(HELP_MUST_NOT_IMPORT)}), loaded: {', '.join(heavy) or 'none'} "
                   f"→ **{'within budget' if ok else 'OVER BUDGET'}**.")]
    return lines, ok


# The batch archive: every seed, the field corpus and every readable sample, repeated to at
# least ARCHIVE_MIN_FILES files, so that files/s measures the steady state and not the pool's
# start (a 13-file run was mostly start-up).
ARCHIVE_MIN_FILES = 200
ARCHIVE_FORMATS = (".txt", ".pdf", ".hwp", ".hwpx", ".json")
BATCH_TIMEOUT_S = 1800
TARGET_FILES_PER_S = 11


def archive_candidates() -> list[Path]:
    """Seeds, then the field corpus, then the samples (unreadable ones are dropped by
    `_archive_cpu`)."""
    found = sorted((ROOT / "corpus" / "seeds").glob("*.txt"))
    for folder in (CORPUS, SAMPLES):
        found += sorted(p for p in folder.glob("*/*") if p.suffix.lower() in ARCHIVE_FORMATS
                        and p.is_file())
    return found


def _archive_cpu(listing: str) -> None:
    """Worker: each file of `listing` (one path a line) parsed once after a warm-up, printed
    as JSON rows {path, cpu_s, ok}; the readers run in this process, as in a batch worker
    (`ingest.isolate.run_in_place`, `gonggo.batch`)."""
    from gonggo.ingest import IngestError, read_document
    from gonggo.ingest.isolate import run_in_place
    from gonggo.pipeline import parse, parse_document

    run_in_place()

    def cpu() -> float:
        return sum(os.times()[:4])  # user + system, this process and its children

    paths = [Path(line) for line in Path(listing).read_text(encoding="utf-8").splitlines()
             if line]
    warm = next((p for p in paths if p.suffix == ".txt"), None)
    if warm is not None:
        parse(warm)
    rows = []
    for path in paths:
        before = cpu()
        ingest, ok = 0.0, True
        try:
            doc = read_document(path)
            ingest = cpu() - before
            parse_document(doc).spec.model_dump_json(indent=1)
        except IngestError:
            ok = False
        rows.append({"path": str(path), "cpu_s": cpu() - before, "ingest_s": ingest, "ok": ok})
    print(json.dumps(rows))


def _test_split() -> set[str]:
    """Paths (relative to the field corpus) of the held-out test documents: named nowhere."""
    split = ROOT / "corpus" / "field" / "SPLIT.tsv"
    if not split.is_file():
        return set()
    rows = (line.split("\t") for line in split.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#"))
    return {r[0] for r in rows if len(r) > 1 and r[1] == "test"}


def _label(path: Path, held_out: set[str]) -> str:
    try:
        rel = path.relative_to(CORPUS).as_posix()
    except ValueError:
        return path.name
    return "(a held-out test file)" if rel in held_out else path.name


def _quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]
def _imported(importtime_stderr: str) -> set[str]:
    """The modules a `python -X importtime` run imported."""
    rows = [line[len("import time:"):].split("|") for line in importtime_stderr.splitlines()
            if line.startswith("import time:")]
    return {row[2].strip() for row in rows if len(row) == 3 and row[0].strip().isdigit()}


def _run_tree(cmd: list[str], timeout: float) -> tuple[int, float, float, float, float]:
    """(exit code, wall s, CPU s of the whole process tree, CPU s of the command's own
    process, its peak MB) of `cmd`, output discarded. The pool's forkserver outlives the
    command as an orphan: this process becomes the subreaper of its descendants (Linux
    `prctl`) and waits for every one, so that their CPU is counted (elsewhere the tree's CPU
    is what was waited for). The peak is measured by `/usr/bin/time`, as in `run_child`."""
    import ctypes

    try:  # PR_SET_CHILD_SUBREAPER
        ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)
    except (OSError, AttributeError):
        pass
    with tempfile.TemporaryDirectory() as tmp:
        peak_file = Path(tmp) / "peak"
        full = [str(TIME), "-f", "%M", "-o", str(peak_file), *cmd] if TIME.exists() else cmd
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        proc = subprocess.Popen(full, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                cwd=ROOT)
        try:
            code = proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            code = proc.wait()
        wall = time.perf_counter() - started
        waited = resource.getrusage(resource.RUSAGE_CHILDREN)  # the command's own process
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:  # the orphans: the forkserver and its workers
            try:
                if os.waitpid(-1, os.WNOHANG) == (0, 0):
                    time.sleep(0.05)
            except ChildProcessError:
                break
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        try:
            peak = int(peak_file.read_text().strip().splitlines()[-1]) / 1024
        except (OSError, ValueError, IndexError):
            peak = float("nan")

    def cpu(usage: resource.struct_rusage) -> float:
        return usage.ru_utime + usage.ru_stime - before.ru_utime - before.ru_stime

    return code, wall, cpu(after), cpu(waited), peak


def batch_section(progress) -> list[str]:  # type: ignore[no-untyped-def]
    """Files/s of `gonggo extract --out` over the archive with --jobs 1 and 2, beside the
    per-file CPU distribution measured in one process (the CPU-bound ideal: sum / jobs)."""
    progress("bench batch: per-file CPU")
    with tempfile.TemporaryDirectory() as tmp:
        listing = Path(tmp) / "files.txt"
        listing.write_text("".join(f"{p}\n" for p in archive_candidates()), encoding="utf-8")
        code, out, err, _, _ = run_child(_worker_cmd("archive-cpu", listing),
                                         timeout=BATCH_TIMEOUT_S)
    if code != 0:
        return ["", "## Batch", "", f"not measured: {(err.strip().splitlines() or ['failed'])[-1]}"]
    rows = [r for r in json.loads(out.strip().splitlines()[-1]) if r["ok"]]
    readable = [Path(r["path"]) for r in rows]
    cpus = [r["cpu_s"] for r in rows]
    repeat = -(-ARCHIVE_MIN_FILES // max(1, len(readable)))
    files = readable * repeat
    held_out = _test_split()
    slowest = sorted(rows, key=lambda r: -r["cpu_s"])[:5]
    by_format: dict[str, list[float]] = {}
    ingest_of: dict[str, float] = {}
    for r in rows:
        ext = Path(r["path"]).suffix.lower()
        by_format.setdefault(ext, []).append(r["cpu_s"])
        ingest_of[ext] = ingest_of.get(ext, 0.0) + r["ingest_s"]
    lines = ["", (f"## Batch: `gonggo extract --out` over {len(files)} files ({len(readable)} "
                  f"readable seeds, field-corpus files and samples × {repeat}), one process "
                  "tree each"), "",
             (f"Per-file CPU (one process, after a warm-up; user + system; the readers in "
              f"process, as in a batch worker): median {statistics.median(cpus):.3f} s, p90 "
              f"{_quantile(cpus, 0.9):.3f} s, max {max(cpus):.3f} s, sum {sum(cpus):.1f} s "
              f"per pass; slowest: " + ", ".join(f"{_label(Path(r['path']), held_out)} "
                                                 f"{r['cpu_s']:.2f} s" for r in slowest) + "."),
             "", ("| format | files | median CPU s | p90 CPU s | max CPU s | sum CPU s | of it "
                  "ingest |"), "|---|---|---|---|---|---|---|"]
    lines += [f"| {ext} | {len(v)} | {statistics.median(v):.3f} | {_quantile(v, 0.9):.3f} | "
              f"{max(v):.3f} | {sum(v):.2f} | {ingest_of[ext] / sum(v) if sum(v) else 0:.0%} |"
              for ext, v in sorted(by_format.items())]
    lines += ["", ("| --jobs | wall s | files/s | CPU-bound ideal files/s (per-file CPU sum / "
                   "jobs) | 10,000 files at this rate | peak MB (parent process) | CPU s, whole "
                   "tree (parent) | CPU over the per-file sum |"),
              "|---|---|---|---|---|---|---|---|"]
    gonggo = str(Path(sys.executable).parent / "gonggo")
    per_pass = sum(cpus)
    for jobs in (1, 2):
        progress(f"bench batch --jobs {jobs}")
        target = Path(tempfile.mkdtemp())
        cmd = [gonggo, "-q", "extract", *map(str, files), "--out", str(target), "--jobs",
               str(jobs)]
        # the CPU of the whole tree too: on a shared machine other processes stretch the
        # wall clock more than the CPU
        code, wall, tree, own, peak = _run_tree(cmd, BATCH_TIMEOUT_S)
        shutil.rmtree(target, ignore_errors=True)
        ideal = len(readable) * jobs / per_pass if per_pass > 0 else float("inf")
        over = tree / (per_pass * repeat) - 1 if per_pass > 0 else 0.0
        lines.append(f"| {jobs} | {wall:.1f} | {len(files) / wall:.2f} | {ideal:.2f} | "
                     f"{10_000 / (len(files) / wall) / 60:.0f} min | {peak:.0f} | {tree:.1f} "
                     f"({own:.1f}) | {over:+.0%} |" + ("" if code == 0 else f" (exit {code})"))
    lines += ["", (f"Target: ≥ {TARGET_FILES_PER_S} files/s (10,000 files in < 15 min on this "
                   f"{os.cpu_count()}-core machine).")]
    return lines


def run(files: list[Path] | None = None, runs: int = RUNS, progress=print) -> tuple[str, bool]:  # type: ignore[no-untyped-def]
    files = files if files is not None else sample_files()
    load = os.getloadavg()[0]
    lines = ["# gonggo benchmarks", "",
             (f"One `make bench` run on a {os.cpu_count()}-core machine, load average "
             f"{load:.1f} at the start (other processes share the cores: compare the rows of "
             "one table, which ran paired, more than absolute times)."), ""]
    imports, ok = import_section(progress)
    lines += floors_section(files, runs, progress)
    lines += scaling_section(progress)
    lines += imports
    lines += batch_section(progress)
    return "\n".join(lines) + "\n", ok


def main() -> None:
    if len(sys.argv) >= 4 and sys.argv[1] == "--worker":
        worker(sys.argv[2], sys.argv[3])
        return
    if sys.argv[1:] == ["--batch"]:  # the batch section alone, printed (the report is kept)
        print("\n".join(batch_section(lambda msg: print(msg, file=sys.stderr))))
        return
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else RUNS
    started = time.perf_counter()
    report, ok = run(runs=runs)
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text(report, encoding="utf-8")
    print(report)
    print(f"written to {REPORT} in {time.perf_counter() - started:.0f} s")
    if not ok:
        sys.exit("gonggo: start-up over its import budget (see the Start-up section)")


if __name__ == "__main__":
    main()
