"""Shared Korean NLP: spaCy's Korean language with the rule-based tokenizer, and kiwipiepy.

`spacy.blank("ko")` needs MeCab; the rule tokenizer does not, and needs no model download.
kiwipiepy costs ~1.5 s to load and ~300 MB, so it is loaded once, on first use, only by the
callers that need morphology (comparing clauses across years).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiwipiepy import Kiwi
    from spacy.language import Language
    from spacy.matcher import PhraseMatcher

KOREAN_RULE_TOKENIZER = {"nlp": {"tokenizer": {"@tokenizers": "spacy.Tokenizer.v1"}}}


@lru_cache(maxsize=1)
def korean() -> Language:
    import spacy

    return spacy.blank("ko", config=KOREAN_RULE_TOKENIZER)


def phrase_matcher(labels: dict[str, Iterable[str]]) -> PhraseMatcher:
    """A PhraseMatcher over `korean()` with one rule per label."""
    from spacy.matcher import PhraseMatcher

    nlp = korean()
    matcher = PhraseMatcher(nlp.vocab)
    for label, phrases in labels.items():
        matcher.add(label, [nlp.make_doc(p) for p in phrases])
    return matcher


@lru_cache(maxsize=1)
def kiwi() -> Kiwi:
    from kiwipiepy import Kiwi

    return Kiwi()


# Particles (조사) and endings (어미) carry no requirement: `중소기업은` and `중소기업이` say
# the same thing. Content morphemes are kept.
_FUNCTION_TAGS = ("J", "E", "XSV", "XSA", "VCP", "SF", "SP", "SS", "SE", "SO", "SW")


def content_morphemes(text: str) -> list[str]:
    """The content morphemes of `text` (nouns, verb stems, numbers), particles dropped."""
    return [tok.form for tok in kiwi().tokenize(text) if not tok.tag.startswith(_FUNCTION_TAGS)]
