"""kordoc (Node.js, npm `kordoc`: HWP, HWPX and PDF to Markdown) as a `make bench` floor.

`python -m gonggo.eval.kordoc_floor install` (the Makefile's `bench` target, before the
bench) installs the pinned kordoc with npm into `.bench/node` (git-ignored), best effort: it
is the only step that downloads. The bench itself only asks `unavailable()` why the floor
cannot run here (one note per format's rows) and runs `kordoc_worker.mjs`, which follows the
protocol of the Python worker (`bench.worker`): one warm-up call, then timed calls.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

KORDOC = "4.14.1"
# kordoc reads PDF through pdfjs-dist, one of its optional dependencies: without it every PDF
# fails ("PDF 파싱에 pdfjs-dist가 필요합니다"); 4.10.38 is the lowest its range (^4.10.38) allows.
PDFJS = "4.10.38"
NODE_MIN = 18  # kordoc's `engines`
ROOT = Path(__file__).resolve().parents[2]
NODE_DIR = ROOT / ".bench" / "node"
WORKER = Path(__file__).with_name("kordoc_worker.mjs")
INSTALL_TIMEOUT_S = 300
# The other optional dependencies (onnxruntime-node, @huggingface/transformers, sharp,
# @hyzyla/pdfium; pdfjs-dist's @napi-rs/canvas) serve OCR, formulas and rendering, not the
# `parse` the bench times, and are native builds: left out, and no install script runs. A
# request that stalls is dropped after 60 s and tried again (npm's default waits 5 min: an
# install that takes ~10 s here once ran past INSTALL_TIMEOUT_S, most likely on one such).
NPM_FLAGS = ("--save-exact", "--no-audit", "--no-fund", "--ignore-scripts", "--omit=optional",
             "--omit=peer", "--fetch-retries=2", "--fetch-timeout=60000")


def install_note() -> Path:
    """Why the last install failed (read back by `unavailable`)."""
    return NODE_DIR / "install-failed.txt"


def installed() -> dict[str, str]:
    """{package: version} of kordoc and pdfjs-dist as installed in NODE_DIR."""
    found = {}
    for name in ("kordoc", "pdfjs-dist"):
        try:
            meta = json.loads((NODE_DIR / "node_modules" / name / "package.json").read_text())
        except (OSError, ValueError):
            continue
        found[name] = str(meta.get("version", "?"))
    return found


def node_version(node: str) -> tuple[int, str] | None:
    """(major, full version) of the `node` at that path; None when it does not run."""
    try:
        out = subprocess.run([node, "--version"], capture_output=True, text=True, timeout=30,
                             check=True).stdout.strip()
        return int(out.lstrip("v").split(".")[0]), out
    except (OSError, subprocess.SubprocessError, ValueError):
        return None


def _node_missing() -> str | None:
    node = shutil.which("node")
    if node is None:
        return "Node.js not found (no `node` on PATH)"
    version = node_version(node)
    if version is None:
        return f"`{node} --version` failed"
    if version[0] < NODE_MIN:
        return f"Node.js {version[1]} here; kordoc needs >= {NODE_MIN}"
    return None


def install() -> str | None:
    """npm-install the pinned kordoc and pdfjs-dist into NODE_DIR unless they are there; None
    when they are, else why not (kept in `install_note()` for the bench's rows)."""
    why = None if installed() == {"kordoc": KORDOC, "pdfjs-dist": PDFJS} else _npm_install()
    NODE_DIR.mkdir(parents=True, exist_ok=True)
    if why is None:
        install_note().unlink(missing_ok=True)
    else:
        install_note().write_text(why + "\n", encoding="utf-8")
    return why


def _npm_install() -> str | None:
    why = _node_missing()
    if why:
        return why
    npm = shutil.which("npm")
    if npm is None:
        return "npm not found (no `npm` on PATH)"
    NODE_DIR.mkdir(parents=True, exist_ok=True)
    cmd = [npm, "install", "--prefix", str(NODE_DIR), *NPM_FLAGS, f"kordoc@{KORDOC}",
           f"pdfjs-dist@{PDFJS}"]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=INSTALL_TIMEOUT_S,
                              check=False)
    except subprocess.TimeoutExpired:
        return f"`npm install` did not finish in {INSTALL_TIMEOUT_S} s"
    if proc.returncode != 0:
        return f"`npm install` failed (exit {proc.returncode}): {npm_error(proc.stderr)}"
    return None


def npm_error(stderr: str) -> str:
    """npm's error in one line: its code and first message line (npm prints a field a line,
    then the stack, then where the log is)."""
    lines = [ln.removeprefix("npm error").removeprefix("npm ERR!").strip()
             for ln in stderr.splitlines()]
    code = next((ln.split()[1] for ln in lines if ln.startswith("code ") and len(ln.split()) > 1),
                None)
    fields = ("code ", "syscall ", "errno ", "at ", "{", "}", "A complete log")
    message = next((ln for ln in lines if ln and not ln.startswith(fields)), "no message")
    return f"{code}: {message[:200]}" if code else message[:200]


def unavailable(ext: str) -> str | None:
    """Why kordoc cannot be measured on `ext` files here (None: it can). Reads only what the
    install step left: nothing is downloaded while the bench runs."""
    why = _node_missing()
    if why:
        return why
    found = installed()
    if found.get("kordoc") != KORDOC:
        note = install_note()
        reason = (note.read_text(encoding="utf-8").strip() if note.is_file()
                  else "run `make bench`, which installs it with npm")
        if "kordoc" in found:
            return f"kordoc {found['kordoc']} in .bench/node, not the pinned {KORDOC} ({reason})"
        return f"kordoc {KORDOC} not installed in .bench/node ({reason})"
    if ext == ".pdf" and "pdfjs-dist" not in found:
        return "kordoc reads PDF through pdfjs-dist, which is not installed in .bench/node"
    return None


def worker_cmd(path: Path, reps_min: int, reps_max: int, budget_s: float) -> list[str]:
    """The command that times kordoc's `parse` on `path` (the bench's repetition rule)."""
    return [shutil.which("node") or "node", str(WORKER), str(NODE_DIR / "node_modules"),
            str(path), str(reps_min), str(reps_max), str(budget_s)]


def main() -> None:
    if sys.argv[1:] != ["install"]:
        sys.exit("usage: python -m gonggo.eval.kordoc_floor install")
    why = install()
    # best effort: the bench runs without kordoc, and its rows say why
    print(f"kordoc floor: {'not installed: ' + why if why else f'kordoc {KORDOC} ready'}")


if __name__ == "__main__":
    main()
