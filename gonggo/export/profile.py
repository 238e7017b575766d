"""The applicant profile the simulator (and an engine copying it) judges clauses against.

    role: 도입기업            # whom the applicant is in the program (clauses about others are skipped)
    size: 소기업              # 소상공인 | 소기업 | 중소기업 | 중견기업 | 대기업
    region: 강원특별자치도    # an address or a 시·도 name; its 시·도 is what counts
    industry_code: C29        # KSIC: a section letter, division digits, or both (`C`, `29`, `56111`)
    industry: 제조업          # and/or a category name
    business_age_years: 3     # 업력
    revenue_krw: 5억          # 매출액 (Korean amounts accepted)
    employees: 12             # 상시근로자 수
    tax_arrears: false        # 국세·지방세 체납
    closed: false             # 휴·폐업
    sanctioned: false         # 참여제한 등 제재
    duplicate_support: false  # 동일·유사 사업 중복 지원

Every field is optional: a field left out is unknown, and a clause that needs it is undecidable,
never passed or failed. A key not listed here is refused (`regoin` is a typo, not a field).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from gonggo.schemas.rule_config import CompanySize
from gonggo.vocab.industries import codes_of_code
from gonggo.vocab.money import AmountError, parse_krw


class ProfileError(ValueError):
    """A profile that is not one (one line, for the command line)."""


class ApplicantProfile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    role: str | None = Field(default=None, description="whom the applicant is (도입기업, 공급기업 …)")
    size: CompanySize | None = Field(default=None, description="company size class")
    region: str | None = Field(default=None, description="address or 시·도 of the applicant")
    industry_code: str | None = Field(default=None, description="KSIC code (C, C29, 29, 56111)")
    industry: str | None = Field(default=None, description="industry category name (제조업)")
    business_age_years: float | None = Field(default=None, ge=0, description="업력 in years")
    revenue_krw: int | None = Field(default=None, ge=0, description="매출액 in won")
    employees: int | None = Field(default=None, ge=0, description="상시근로자 수")
    tax_arrears: bool | None = Field(default=None, description="국세·지방세 체납 중")
    closed: bool | None = Field(default=None, description="휴·폐업 중")
    sanctioned: bool | None = Field(default=None, description="참여제한 등 제재 중")
    duplicate_support: bool | None = Field(default=None, description="동일·유사 사업 수행 중")

    @field_validator("revenue_krw", mode="before")
    @classmethod
    def _korean_amount(cls, value: Any) -> Any:
        if isinstance(value, str):
            try:
                return parse_krw(value)
            except AmountError as err:
                raise ValueError(str(err)) from err
        return value

    @field_validator("industry_code")
    @classmethod
    def _ksic(cls, value: str | None) -> str | None:
        if value is not None and codes_of_code(str(value)) is None:
            raise ValueError(f"not a KSIC code: {value!r} (e.g. C, C29, 29, 56111)")
        return value


def load_profile(data: Any, where: str = "profile") -> ApplicantProfile:
    """A mapping (from YAML or JSON) → profile; anything else is one line of ProfileError."""
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else f"a {type(data).__name__}"
        raise ProfileError(f"{where}: an applicant profile is a mapping of keys, not {kind}")
    try:
        return ApplicantProfile.model_validate(data)
    except ValidationError as err:
        first = err.errors()[0]
        key = ".".join(str(p) for p in first["loc"]) or "?"
        if first["type"] == "extra_forbidden":
            known = ", ".join(ApplicantProfile.model_fields)
            raise ProfileError(f"{where}: unknown key {key!r} (known: {known})") from err
        raise ProfileError(f"{where}: {key}: {first['msg']}") from err
