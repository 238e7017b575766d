"""The review desk: HTTP (TestClient) and end to end in a real headless Chromium (clicking
승인 changes the stored config)."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from gonggo.store.db import open_engine, sessions
from gonggo.store.models import ChangeSet, Program
from gonggo.store.update import update
from gonggo.web.app import create_app

from .test_store import tiny


@pytest.fixture
def desk(db_url: str, tmp_path: Path) -> str:
    update([tiny(tmp_path, "a.txt", 2021), tiny(tmp_path, "b.txt", 2022, cap=2)], db_url,
           tmp_path / "out")
    return db_url


def _change_sets(url: str) -> list[ChangeSet]:
    with sessions(open_engine(url))() as s:
        return list(s.scalars(select(ChangeSet).order_by(ChangeSet.id)))


def test_pages_downloads_and_decisions_over_http(desk: str) -> None:
    client = TestClient(create_app(desk))
    page = client.get("/")
    assert page.status_code == 200 and "검토 대기" in page.text and "새 공고" in page.text
    first, second = _change_sets(desk)
    ann = client.get("/api/announcements").json()
    assert {a["status"] for a in ann} == {"new", "to_review"}
    newer = next(a for a in ann if a["status"] == "to_review")
    detail = client.get(f"/announcements/{newer['id']}").text
    assert "신구대비표" in detail and "승인" in detail and "반려" in detail
    report = client.get(f"/files/{newer['id']}/{newer['change_sets'][0]['report_html']}")
    assert report.status_code == 200 and "현 행" in report.text
    patch = client.get(f"/files/{newer['id']}/{newer['change_sets'][0]['patch']}")
    assert patch.status_code == 200 and isinstance(patch.json(), list)
    assert client.get(f"/files/{newer['id']}/../../etc/passwd").status_code == 404
    assert client.post(f"/api/change-sets/{first.id}/approve", json={"who": " "}).status_code == 400
    done = client.post(f"/api/change-sets/{first.id}/approve",
                       json={"who": "김담당", "why": "기준 설정"})
    assert done.json()["status"] == "approved"
    form = client.post(f"/change-sets/{second.id}/reject", data={"who": "이과장", "why": "오추출"},
                       follow_redirects=False)
    assert form.status_code == 303
    assert [c.status for c in _change_sets(desk)] == ["approved", "rejected"]
    prog = client.get(f"/programs/{first.program_id}")
    assert "김담당" in prog.text and "반려됨" in prog.text
    config = client.get(f"/programs/{first.program_id}/config.json").json()
    assert config["program"] and config["tracks"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="no chromium (`.ci/run` installs Debian's)")
def test_approve_in_a_real_browser_changes_the_stored_config(tmp_path: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (dev extra) missing")
    import uvicorn

    url = f"sqlite:///{tmp_path / 'store.db'}"
    update([tiny(tmp_path, "a.txt", 2021), tiny(tmp_path, "b.txt", 2022, cap=2)], url,
           tmp_path / "out")
    first, _ = _change_sets(url)
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(url), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    try:
        with sync_api.sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True,
                                         args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(f"http://127.0.0.1:{port}/?status=new")
            page.click("text=스마트공장 보급사업 공고")
            box = page.locator(f"#cs-{first.id}")
            box.locator("input[name=who]").fill("김담당")
            box.locator("input[name=why]").fill("2021 기준 설정")
            box.locator("button[value=approve]").click()
            page.wait_for_url("**done=approve")
            assert "승인됨" in box.inner_text()
            page.screenshot(path=str(tmp_path / "desk.png"), full_page=True)
            page.goto(f"http://127.0.0.1:{port}/programs/{first.program_id}")
            assert "김담당" in page.inner_text("#approved")
            page.screenshot(path=str(tmp_path / "program.png"), full_page=True)
            browser.close()
    finally:
        server.should_exit = True
        thread.join(timeout=10)
    with sessions(open_engine(url))() as s:
        program = s.get(Program, first.program_id)
        assert program is not None and program.approved_config_id == first.proposed_config_id
        assert program.approved_config is not None
        assert program.approved_config.decided_by == "김담당"
    shots = Path("/tmp/gonggo-web-shots")
    shots.mkdir(exist_ok=True)
    for name in ("desk.png", "program.png"):
        shutil.copy(tmp_path / name, shots / name)
