"""Routes of the review desk. Pages: announcements (새 공고 / 검토 대기 / 승인됨), one
announcement with its findings, 신구대비표 and proposed config change (approve / reject with
who and why), a program's approved config and its history; downloads of specs, configs,
reports. JSON: `/api/announcements`, `/api/change-sets/{id}/approve|reject`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Form, HTTPException, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker, undefer

from gonggo.store.db import open_engine, sessions, transaction
from gonggo.store.models import Announcement, ChangeSet, Program, RuleConfig
from gonggo.store.queries import announcement_status, change_sets_of
from gonggo.store.review import DecisionError, approve, reject

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).resolve().parent / "templates"))
STATUS_KO = {"new": "새 공고", "to_review": "검토 대기", "approved": "승인됨", "rejected": "반려됨",
             "proposed": "제안", "superseded": "이전 승인"}
TEMPLATES.env.globals["status_ko"] = STATUS_KO


class Decision(BaseModel):
    who: str
    why: str = ""


def _rows(s: Session) -> list[dict[str, Any]]:
    out = []
    for ann in s.scalars(select(Announcement).order_by(Announcement.year.desc(),
                                                       Announcement.name)):
        css = change_sets_of(s, ann)
        out.append({"ann": ann, "status": announcement_status(ann, css), "change_sets": css,
                    "errors": sum(f.get("severity") == "error" for f in ann.findings),
                    "warnings": sum(f.get("severity") == "warning" for f in ann.findings)})
    return out


def _file(ann_or_dir: str, rel: str | None) -> FileResponse:
    if not rel:
        raise HTTPException(404, "파일 없음")
    base = Path(ann_or_dir).resolve()
    path = (base / rel).resolve()
    if base not in path.parents or not path.is_file():
        raise HTTPException(404, "파일 없음")
    return FileResponse(path, filename=path.name if path.suffix != ".html" else None)


def create_app(url: str | None = None) -> FastAPI:
    factory: sessionmaker[Session] = sessions(open_engine(url))
    app = FastAPI(title="gonggo 검토 데스크")

    @app.get("/", response_class=HTMLResponse)
    def index(request: Request, status: str | None = None) -> Response:
        with factory() as s:
            rows = [r for r in _rows(s) if status is None or r["status"] == status]
            counts: dict[str, int] = {}
            for r in _rows(s):
                counts[r["status"]] = counts.get(r["status"], 0) + 1
            return TEMPLATES.TemplateResponse(request, "index.html", {
                "rows": rows, "counts": counts, "status": status})

    @app.get("/announcements/{ann_id}", response_class=HTMLResponse)
    def announcement(request: Request, ann_id: int) -> Response:
        with factory() as s:
            ann = s.get(Announcement, ann_id)
            if ann is None:
                raise HTTPException(404, "공고 없음")
            css = change_sets_of(s, ann)
            return TEMPLATES.TemplateResponse(request, "announcement.html", {
                "ann": ann, "status": announcement_status(ann, css), "change_sets": css,
                "paths": [p.path for p in ann.paths]})

    @app.post("/change-sets/{cs_id}/{action}")
    def decide_form(cs_id: int, action: str, who: str = Form(""), why: str = Form("")) -> Response:
        ann_id = _decide(factory, cs_id, action, who, why)
        return RedirectResponse(f"/announcements/{ann_id}?done={action}", status_code=303)

    @app.post("/api/change-sets/{cs_id}/{action}")
    def decide_api(cs_id: int, action: str, body: Decision) -> JSONResponse:
        _decide(factory, cs_id, action, body.who, body.why)
        with factory() as s:
            cs = s.get(ChangeSet, cs_id)
            assert cs is not None
            return JSONResponse({"id": cs.id, "status": cs.status, "decided_by": cs.decided_by,
                                 "reason": cs.reason, "program": cs.program_id})

    @app.get("/programs/{program_id}", response_class=HTMLResponse)
    def program(request: Request, program_id: int) -> Response:
        with factory() as s:
            prog = s.get(Program, program_id)
            if prog is None:
                raise HTTPException(404, "사업 없음")
            history = s.scalars(select(RuleConfig).where(RuleConfig.program_id == program_id)
                                .options(undefer(RuleConfig.config))
                                .order_by(RuleConfig.id.desc())).all()
            approved = prog.approved_config
            config = json.dumps(approved.config, ensure_ascii=False, indent=1) if approved else ""
            return TEMPLATES.TemplateResponse(request, "program.html", {
                "program": prog, "history": history, "approved": approved, "config": config})

    @app.get("/programs/{program_id}/config.json")
    def program_config(program_id: int) -> JSONResponse:
        with factory() as s:
            prog = s.get(Program, program_id)
            if prog is None or prog.approved_config is None:
                raise HTTPException(404, "승인된 설정 없음")
            return JSONResponse(prog.approved_config.config, headers={
                "Content-Disposition": f"attachment; filename=program_{program_id}_config.json"})

    @app.get("/files/{ann_id}/{rel:path}")
    def files(ann_id: int, rel: str) -> FileResponse:
        with factory() as s:
            ann = s.get(Announcement, ann_id)
            if ann is None:
                raise HTTPException(404, "공고 없음")
            return _file(ann.out_dir, rel)

    @app.get("/api/announcements")
    def api_announcements() -> JSONResponse:
        with factory() as s:
            return JSONResponse([{
                "id": r["ann"].id, "name": r["ann"].name, "title": r["ann"].title,
                "status": r["status"], "year": r["ann"].year,
                "issuer_family": r["ann"].issuer_family, "findings": len(r["ann"].findings),
                "change_sets": [{"id": c.id, "status": c.status, "old": c.old_edition_id,
                                 "report_html": c.report_html, "patch": c.patch_path}
                                for c in r["change_sets"]]} for r in _rows(s)])

    return app


def _decide(factory: sessionmaker[Session], cs_id: int, action: str, who: str, why: str) -> int:
    if action not in ("approve", "reject"):
        raise HTTPException(404, "알 수 없는 작업")
    try:
        with transaction(factory) as s:
            cs = (approve if action == "approve" else reject)(s, cs_id, who, why)
            return cs.new_edition.announcement_id
    except DecisionError as err:
        raise HTTPException(400, str(err)) from err
