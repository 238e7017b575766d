"""`gonggo update`, `gonggo pairs`, `gonggo serve`: the program history store and its desk."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from gonggo.cli.main import EXIT_FAILED_FILE, app, fail, guarded, jobs_option

DbOption = Annotated[str | None, typer.Option(
    "--db", help="store URL (sqlite:///…, postgresql://…); default: a SQLite file in the user's "
    "data folder ($XDG_DATA_HOME/gonggo/gonggo.db)")]


def _default_out() -> Path:
    from gonggo.store.db import data_dir

    return data_dir() / "out"


@app.command()
def update(
    paths: Annotated[list[Path], typer.Argument(help="announcement files or folders (recursive)")],
    db: DbOption = None,
    out: Annotated[Path | None, typer.Option("--out", help="output folder (default: beside the "
                                             "default store)")] = None,
    jobs: Annotated[int | None, jobs_option()] = None,
    engine: Annotated[str, typer.Option("--engine", help="local (process pool) or dask")] = "local",
    scheduler: Annotated[str | None, typer.Option(
        "--scheduler", help="dask scheduler address (default: a local cluster)")] = None,
) -> None:
    """Store what is new or changed, pair each program with its previous edition, and write
    the 신구대비표 and rule-config patch of each for review."""
    from rich.console import Console

    from gonggo.cli.commands import progress_bar
    from gonggo.store.pool import default_jobs
    from gonggo.store.update import update as run_update

    console = Console(stderr=True)
    tasks: dict[str, int] = {}
    with progress_bar(console) as bar:
        def tick(phase: str, label: str, total: int) -> None:
            if phase not in tasks:
                tasks[phase] = bar.add_task(phase, total=total)
            bar.update(tasks[phase], description=f"{phase} {label[:40]}", advance=1)

        summary = guarded(lambda: run_update(paths, db, out or _default_out(),
                                             jobs or default_jobs(), engine, scheduler, tick))
    for line in summary.failed:
        console.print(f"[red]gonggo: {line}[/red]", highlight=False)
    rate = summary.new / summary.read_seconds if summary.read_seconds else 0.0
    console.print(
        f"파일 {summary.files}개: 새로 읽음 {summary.new}, 변경 없음 {summary.unchanged}, "
        f"사본 경로 추가 {summary.copies}, 실패 {len(summary.failed)} · 짝짓기 {summary.paired}건 "
        f"(검토 대기 {summary.to_review}, 처음 보는 사업 {summary.first_seen}) · "
        f"전체 {summary.seconds:.1f}초, 읽기 {summary.read_seconds:.1f}초 ({rate:.2f} 파일/초)",
        highlight=False)
    target = out or _default_out()
    console.print(f"결과: {target / 'announcements'}, 신구대비표·패치: {target / 'changes'}; "
                  f"검토: gonggo serve{' --db ' + db if db else ''}", highlight=False)
    if not summary.did_work:
        console.print("할 일 없음: 모두 최신입니다", highlight=False)
    if summary.failed:
        raise typer.Exit(EXIT_FAILED_FILE)


@app.command()
def pairs(
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON list")] = False,
) -> None:
    """List every pairing: both files, both program names, the score and why."""
    from gonggo.store.db import open_engine, sessions
    from gonggo.store.queries import pairs as list_pairs

    def load() -> list[dict]:  # type: ignore[type-arg]
        with sessions(open_engine(db))() as s:
            return list_pairs(s)

    rows = guarded(load)
    if as_json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")
        return
    for r in rows:
        typer.echo(f"{r['old']['paths'][0]} → {r['new']['paths'][0]}  {r['old']['program']} → "
                   f"{r['new']['program']}  {r['score']:.2f}  {r['why']}")


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option("--host")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port")] = 8000,
) -> None:
    """The review desk for staff (web): announcements, 신구대비표, approve / reject."""
    try:
        import uvicorn

        from gonggo.web.app import create_app
    except ImportError as err:
        fail(f"gonggo serve needs the `web` extra ({err.name} missing)")
    application = guarded(lambda: create_app(db))
    uvicorn.run(application, host=host, port=port, log_level="info")
