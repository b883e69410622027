"""Safety rails: words that suggest risk of harm, and requests for discredited coercive 'attachment therapy'.

Crisis detection errs towards showing help: a typo of "suicidal" still counts, while everyday speech
("this job is killing me") does not. Patterns and resources live in `data/safety.toml`.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import cache

from .catalogue import fold, load_catalogue
from .data_files import load_toml
from .preferences import MAX_TEXT


@dataclass(frozen=True)
class SafetyCheck:
    crisis: bool
    warnings: tuple[str, ...]


@cache
def _compiled():
    s = load_toml("safety.toml")
    return ([re.compile(p) for p in s["crisis_patterns"]], [re.compile(p) for p in s["not_crisis_patterns"]],
            [fold(w) for w in s["fuzzy_words"]])


def crisis_resources() -> list[str]:
    return list(load_toml("safety.toml")["resources"])


def notices() -> dict[str, str]:
    s = load_toml("safety.toml")
    return {"not_medical_advice": s["not_medical_advice"], "sample_data": s["sample_data_notice"]}


def suggests_crisis(text: str) -> bool:
    """True when the words suggest a risk of harm to self or others."""
    if not text:
        return False
    folded = fold(text).replace("\u2019", "'")
    patterns, excuses, fuzzy = _compiled()
    for exc in excuses:
        folded = exc.sub(" ", folded)
    if any(p.search(folded) for p in patterns):
        return True
    words = re.findall(r"[a-z]+", folded)
    joined = [a + b for a, b in zip(words, words[1:])]
    for w in (*words, *joined):
        if len(w) >= 6 and difflib.get_close_matches(w, fuzzy, n=1, cutoff=0.8):
            return True
    return False


@cache
def _discredited_terms(language: str = "en") -> list[tuple[re.Pattern, str]]:
    full = load_catalogue(include_discredited=True)
    terms = []
    for _, rec in full[full["discredited"]].iterrows():
        warning = rec.get(f"warning_{language}") if language != "en" else None
        warning = warning if isinstance(warning, str) and warning else rec["warning"]
        for alias in rec["aliases"]:
            # "attachment therapy" must not fire inside "attachment-based therapy" or "attachment-focused therapy"
            terms.append((re.compile(r"(?<![a-z-])" + re.escape(fold(alias)) + r"\b"), warning))
    return terms


def discredited_warnings(*texts: str, language: str = "en") -> list[str]:
    """The catalogue's warning for every discredited practice named in the texts (once each)."""
    folded = " ".join(fold(t) for t in texts if t)
    return list(dict.fromkeys(w for pattern, w in _discredited_terms(language) if pattern.search(folded)))


def check(prefs, language: str = "en") -> SafetyCheck:
    """Crisis and discredited-practice checks over everything the person typed or picked."""
    from .explanations import Sentences

    vocab_crisis = any(n in _crisis_needs() for n in prefs.needs)
    typed = [prefs.description, prefs.wants_text, prefs.avoid_text]
    crisis = vocab_crisis or any(suggests_crisis(t) for t in typed)
    warnings = discredited_warnings(*typed, language=language)
    notes = [Sentences(language)("note_truncated", n=f"{MAX_TEXT:,}") for _ in prefs.notes[:1]]
    return SafetyCheck(crisis=crisis, warnings=tuple(warnings) + tuple(notes))


def _crisis_needs() -> frozenset[str]:
    from .vocabulary import load_vocabulary
    return load_vocabulary().crisis_needs
