"""Rule configs from every seed: executable, schema-valid, read against the documents, every
value backed by a span; the export CLI; and `gonggo demo` over the bundled corpus."""

from __future__ import annotations

import io
import json
import math
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from rich.console import Console

from gonggo.cli.demo import run_demo, year_over_year_pairs
from gonggo.export import clauses
from gonggo.export.config import write_configs
from gonggo.export.evidence import unsupported
from gonggo.export.simulate import simulate
from gonggo.extractors.pipeline import extract
from gonggo.ingest import read_document
from gonggo.schemas.announcement import Announcement
from gonggo.schemas.document import Document
from gonggo.schemas.rule_config import SCHEMA_FILE, RuleConfig, json_schema
from gonggo.validate.checks import validate

from .conftest import ROOT, SEEDS, seed_path

Exported = dict[str, tuple[Document, Announcement, list[tuple[Path, RuleConfig]]]]


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Exported:
    out = tmp_path_factory.mktemp("rules")
    result = {}
    for path in sorted(SEEDS.glob("*.txt")):
        doc = read_document(path)
        spec = validate(doc, extract(doc))
        result[path.name[:3]] = (doc, spec, write_configs(spec, out / path.stem))
    return result


def all_configs(exported: Exported) -> list[tuple[str, Document, Path, RuleConfig]]:
    return [(seed, doc, path, cfg) for seed, (doc, _, written) in exported.items()
            for path, cfg in written]


def by_program(exported: Exported, seed: str, name_part: str) -> RuleConfig:
    return next(cfg for s, _, _, cfg in all_configs(exported)
                if s == seed and name_part in cfg.program)


def track(cfg: RuleConfig, name: str | None):  # type: ignore[no-untyped-def]
    return next(t for t in cfg.tracks if t.name == name)


def government(t):  # type: ignore[no-untyped-def]
    return next(p for p in t.payers if p.payer == "government")


# Round trip: export → YAML → load → simulate -------------------------------------------

def test_yaml_loads_back_into_the_same_config_and_follows_the_published_schema(
        exported: Exported) -> None:
    schema = json_schema()
    assert schema["$schema"].endswith("2020-12/schema") and "RuleConfig" not in schema["title"]
    for _, _, path, cfg in all_configs(exported):
        text = path.read_text(encoding="utf-8")
        assert text.startswith(f"# yaml-language-server: $schema={SCHEMA_FILE}\n")
        assert RuleConfig.model_validate(yaml.safe_load(text)) == cfg
        beside = json.loads((path.parent / SCHEMA_FILE).read_text(encoding="utf-8"))
        assert beside == schema
    assert sum(len(w) for _, _, w in exported.values()) >= 13  # 1 + 1 + 10 + 1 programs


def test_government_pays_its_cap_on_a_large_cost_and_its_share_on_a_small_one(
        exported: Exported) -> None:
    checked = 0
    for _, _, path, _ in all_configs(exported):
        cfg = RuleConfig.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
        for t in cfg.tracks:
            gov = next((p for p in t.payers if p.payer == "government"), None)
            if gov is None or gov.cap_krw is None:
                continue
            share = gov.share_pct or 100.0
            # the cost at which share × cost reaches the cap
            break_even = math.ceil(gov.cap_krw * 100 / share)
            large = simulate(cfg, t.name, 10 * break_even + 10**6)
            assert large.amount("government") == gov.cap_krw, (cfg.program, t.name)
            small_cost = break_even // 4 + 7  # not a round number: the share is rounded down
            small = simulate(cfg, t.name, small_cost)
            assert share.is_integer()
            assert small.amount("government") == small_cost * int(share) // 100, (cfg.program,
                                                                                 t.name)
            assert sum(a.amount_krw for a in small.amounts) == small_cost
            checked += 1
    assert checked >= 14  # every seed track that prints a government cap


def test_every_value_carries_evidence_that_quotes_the_document(exported: Exported) -> None:
    fields = {
        "tracks": ("name", "target_level", "max_duration_months", "max_extension_months"),
        "payers": ("cap_krw", "share_pct", "share_bound"),
        "windows": ("opens_at", "closes_at", "rolling", "until_budget_exhausted"),
        "clauses": ("text", "applies_to", "sizes", "regions", "industries"),
        "documents": ("name", "validity_months", "condition"),
        "scores": ("item", "points", "group"),
    }
    seen = 0
    for _, doc, _, cfg in all_configs(exported):
        rules = ([("tracks", t) for t in cfg.tracks if t.name or t.evidence]
                 + [("payers", p) for t in cfg.tracks for p in t.payers]
                 + [("windows", w) for w in cfg.windows]
                 + [("clauses", c) for c in cfg.eligibility + cfg.exclusions]
                 + [("documents", d) for d in cfg.documents]
                 + [("scores", s) for s in cfg.evaluation + cfg.bonus_points])
        for family, rule in rules:
            assert rule.evidence, (cfg.program, family, rule)
            for span in rule.evidence:
                assert doc.text[span.start:span.end] == span.quote
            missing = unsupported(rule.model_dump(), rule.evidence, fields[family])
            assert missing == [], (cfg.program, family, missing, rule.evidence)
            seen += 1
        assert cfg.evidence_of["name"][0].quote in doc.text
    assert seen > 300


# Read against the documents ------------------------------------------------------------

def test_nhis_config_reads_like_the_announcement(exported: Exported) -> None:
    cfg = by_program(exported, "000", "대중소상생형")
    t = track(cfg, "고도화")
    assert (t.target_level, t.max_duration_months, t.max_extension_months) == ("중간1", 9, 3)
    assert [(p.payer, p.cap_krw, p.share_pct) for p in t.payers][:2] == [
        ("government", 18_000_000, 30.0), ("host", 24_000_000, 40.0)]
    cap_span = next(e for e in government(t).evidence if "cap_krw" in e.supports)
    assert cap_span.quote == "0.18억원"
    window = cfg.windows[0]
    assert (window.opens_at, window.closes_at) == ("2026-04-08T00:00:00+09:00",
                                                   "2026-04-24T18:00:00+09:00")
    region = next(c for c in cfg.eligibility if c.regions)
    assert (region.regions, region.sizes, region.applies_to) == (["강원"], ["중소기업"], "도입기업")
    kinds = {c.kind for c in cfg.exclusions}
    assert {"tax", "status", "sanction", "industry"} <= kinds
    assert next(c for c in cfg.exclusions if c.industries).industries == ["유흥·향락업", "숙박·음식점"]
    tax_cert = next(d for d in cfg.documents if "완납" in d.name)
    assert (tax_cert.submitters, tax_cert.required, tax_cert.validity_months) == (
        ["도입기업", "공급기업"], True, 3)
    assert next(d for d in cfg.documents if "기술마켓" in d.name).required is False
    # the announcement's own error (`'26. 11. 31.`) names no program: every config carries it
    assert any(f.startswith("impossible_date") and "11. 31" in f for f in cfg.findings)


def test_as_support_and_ai_model_configs_read_like_the_announcements(exported: Exported) -> None:
    as_cfg = by_program(exported, "004", "AS지원")
    assert {t.name for t in as_cfg.tracks} == {"AS지원", "긴급AS"}
    gov = government(track(as_cfg, "긴급AS"))
    assert (gov.cap_krw, gov.share_pct, gov.share_bound) == (20_000_000, 50.0, "max")
    urgent = next(w for w in as_cfg.windows if w.label == "긴급AS")
    assert urgent.rolling and urgent.until_budget_exhausted and urgent.closes_at is None
    assert next(c for c in as_cfg.eligibility if c.sizes).sizes == ["중소기업"]
    scored = [s for s in as_cfg.evaluation if s.points is not None]
    assert scored and all(any("points" in e.supports for e in s.evidence) for s in scored)

    ai = by_program(exported, "001", "인공지능")
    gov = government(ai.tracks[0])
    assert (gov.cap_krw, gov.share_pct, gov.share_bound) == (1_500_000_000, 50.0, "max")
    assert ai.tracks[0].max_duration_months == 12
    assert next(c for c in ai.eligibility if c.sizes).sizes == ["중소기업", "중견기업"]


def test_master_announcement_tracks_and_bonus_points(exported: Exported) -> None:
    build = by_program(exported, "002", "구축 및 고도화")
    caps = {t.name: government(t).cap_krw for t in build.tracks}
    assert caps == {"기초": 70_000_000, "고도화1": 200_000_000, "고도화2": 400_000_000}
    assert [w.label for w in build.windows] == ["1차", "2차", "3차"]
    assert any(b.item == "코로나19 대응" and b.points == 5 for b in build.bonus_points)
    after = by_program(exported, "002", "사후관리")
    assert {t.name: government(t).cap_krw for t in after.tracks} == {
        "긴급복구형": 5_000_000, "성장연계형": 20_000_000}
    assert next(c for c in after.eligibility if c.sizes).sizes == ["소기업"]


# Clause values, on phrases from the corpus ---------------------------------------------

@pytest.mark.parametrize(("text", "sizes"), [
    ("(도입기업) 국내 제조기업 중 「중소기업기본법」에 따른 중소기업", ["중소기업"]),
    ("스마트공장 구축 또는 구축 예정 중소․중견 제조기업", ["중소기업", "중견기업"]),
    ("사업을 완료한 중소기업 중 최근 3년간 평균 매출액이 별첨의 소기업 규모 기준*을 만족하는 기업",
     ["소기업"]),
    ("중소기업 스마트화 역량강화지원사업 컨설팅 수행역량을 보유한 기업", []),
    ("중소․중견기업과 협력하여 스마트공장 구축지원이 가능한 대기업·중견기업·공공기관", []),
    ("개인 또는 중소기업 단독 신청 불가", []),
])
def test_sizes_named_as_eligible(text: str, sizes: list[str]) -> None:
    assert clauses.sizes(text) == sizes


def test_regions_roles_and_industries() -> None:
    assert clauses.regions("강원도 소재 중소기업") == ["강원"]
    assert clauses.regions("충청북도 및 경상남도 지역 소재 기업") == ["충북", "경남"]
    assert "서울" not in clauses.regions("비수도권 소재 기업") and len(clauses.regions("비수도권 소재 기업")) == 14
    assert clauses.regions("서울 소재 기관에서 발급한 확인서") == ["서울"]
    assert clauses.regions("서울보증보험 증권") == []  # no location rule
    assert clauses.region_of("강원특별자치도 원주시") == "강원"
    assert clauses.applies_to("(공급기업) 제조기업의 AI 전환 역량") == "공급기업"
    assert clauses.applies_to("도입 기업 고도화 (동일수준)") == "도입기업"
    assert clauses.applies_to("휴·폐업중인 기업") is None
    assert clauses.industries("유흥·향락업, 숙박·음식점") == ["유흥·향락업", "숙박·음식점"]
    assert clauses.industries("업종특화 스마트공장을 보급할 역량이 있는 공공·민간기관") == []


# The command line ----------------------------------------------------------------------

def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "gonggo", *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=120, check=False)


def test_export_and_simulate_commands_with_an_applicant_profile(tmp_path: Path) -> None:
    result = run("export", str(seed_path("000")), "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    config = next(tmp_path.glob("00_*.yaml"))
    assert (tmp_path / SCHEMA_FILE).exists() and str(config) in result.stdout

    outsider = tmp_path / "outsider.yaml"
    outsider.write_text("role: 도입기업\nsize: 중견기업\nregion: 서울\ntax_arrears: true\n"
                        "industry: 숙박·음식점\n", encoding="utf-8")
    result = run("simulate", str(config), "--track", "고도화", "--total-cost", "1억",
                 "--applicant", str(outsider), "--json")
    assert result.returncode == 1, result.stderr  # fail
    out = json.loads(result.stdout)
    assert [a["amount_krw"] for a in out["amounts"]][:2] == [18_000_000, 24_000_000]
    failed = [(c["field"], c["text"]) for c in out["clauses"] if c["outcome"] == "fail"]
    assert ("eligibility", "도입 기업 고도화 강원도 소재 중소기업 중간1 수준 이상 구축 예정기업") in failed
    assert ("exclusions", "국세 및 지방세 체납 중인 기업") in failed
    assert ("exclusions", "유흥·향락업, 숙박·음식점") in failed
    skipped = {c["text"]: c["reason"] for c in out["clauses"] if c["outcome"] == "skipped"}
    # rows of another track, the 참여우대 row and the supplier's clause are not failed
    assert any("(동일수준)" in t for t in skipped) and any("참여우대" in t for t in skipped)
    assert any(t.startswith("공급 기업") for t in skipped)

    insider = tmp_path / "insider.json"
    insider.write_text(json.dumps({"role": "도입기업", "size": "소기업", "region": "강원특별자치도",
                                   "industry": "제조업", "tax_arrears": False, "closed": False,
                                   "sanctioned": False, "duplicate_support": False},
                                  ensure_ascii=False), encoding="utf-8")
    result = run("simulate", str(config), "--track", "고도화", "--total-cost", "100000000",
                 "--applicant", str(insider))
    assert result.returncode == 0 and "판정: 충족" in result.stdout, result.stdout


def test_export_schema_and_bad_input(tmp_path: Path) -> None:
    result = run("export", "--schema")
    assert result.returncode == 0 and json.loads(result.stdout) == json_schema()
    result = run("simulate", str(seed_path("000")), "--total-cost", "1")
    assert result.returncode == 4 and "not a readable rule config" in result.stderr
    result = run("export")
    assert result.returncode == 2 and result.stderr.count("\n") == 1


# make demo ----------------------------------------------------------------------------

def test_demo_runs_the_whole_job_on_the_seeds(tmp_path: Path) -> None:
    console = Console(file=io.StringIO(), width=120)
    assert run_demo(SEEDS, tmp_path, console) == 0
    stems = [p.stem for p in sorted(SEEDS.glob("*.txt"))]
    for stem in stems:
        for sub, suffix in (("text", ".txt"), ("specs", ".json"), ("findings", ".json"),
                            ("review", ".html")):
            assert (tmp_path / sub / f"{stem}{suffix}").stat().st_size > 0, (sub, stem)
        assert list((tmp_path / "rules" / stem).glob("*.yaml"))
        assert (tmp_path / "rules" / stem / SCHEMA_FILE).exists()
    assert len(list((tmp_path / "rules" / stems[2]).glob("*.yaml"))) == 10
    reports = sorted(p.stem for p in (tmp_path / "changes").glob("*.html"))
    assert [(r[:3], r.split("__")[1][:3]) for r in reports] == [("002", "000"), ("002", "004")]
    for report in reports:
        md = (tmp_path / "changes" / f"{report}.md").read_text(encoding="utf-8")
        assert "신구대비표" in md or "|" in md
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert all(f"review/{stem}.html" in index for stem in stems)
    said = console.file.getvalue()  # type: ignore[attr-defined]
    assert "결과 보기" in said and "index.html" in said


def test_demo_pairs_by_program_similarity_not_by_file_name(exported: Exported) -> None:
    specs = {seed: spec for seed, (_, spec, _) in exported.items()}
    pairs = {(p.old, p.new): p for p in year_over_year_pairs(specs)}
    assert set(pairs) == {("002", "000"), ("002", "004")}
    assert pairs[("002", "004")].old_program == "스마트공장 사후관리"
    assert "대중소" in pairs[("002", "000")].old_program
    # the same announcements under other names pair the same way; none pairs with itself
    renamed = {f"x{k}": v for k, v in specs.items()}
    assert {(p.old, p.new) for p in year_over_year_pairs(renamed)} == {
        ("x002", "x000"), ("x002", "x004")}


def test_demo_goes_on_past_a_bad_file_and_fails_at_the_end(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "004.txt").write_bytes(seed_path("004").read_bytes())
    (folder / "drm.hwp").write_bytes(b"<MARKANY_DOCUMENTSAFER>\x00\x01binary")
    console = Console(file=io.StringIO(), width=200)
    assert run_demo(folder, tmp_path / "out", console) == 1
    said = console.file.getvalue()  # type: ignore[attr-defined]
    failures = [line for line in said.splitlines() if line.startswith("gonggo:")]
    assert len(failures) == 1 and "drm.hwp" in failures[0]
    assert (tmp_path / "out" / "review" / "004.html").exists()
    assert list((tmp_path / "out" / "rules" / "004").glob("*.yaml"))
