"""Reading what a person typed: everyday phrases -> needs, wanted and avoided qualities, who it is for.

The lexicon (`data/lexicon.toml`) holds the phrases. Matching tolerates a typo in longer words
(a one-edit "deletion" index, as in SymSpell), allows a couple of words between a phrase's words,
and reads negation: "I don't want homework" is something to avoid, "I'm not depressed" is no need.
Every signal keeps the words that produced it, so explanations can quote them back.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache

from .catalogue import fold
from .data_files import load_toml

TOKEN = re.compile(r"[a-z0-9]+(?:['-][a-z0-9]+)*\*?")
MAX_GAP = 2               # other words allowed between two words of a phrase
NEED_CUE_WINDOW = 3       # words before a need phrase searched for "not"
AVOID_CUE_WINDOW = 8      # words before a quality phrase searched for a cue of several words ("don't want")
SHORT_CUE_WINDOW = 3      # ... and for a one-word cue ("not", "avoid"), which must be close to count
WEIGHT = {"description": 0.8, "wants_text": 1.0, "avoid_text": 1.0}
QUALITY_WEIGHT_IN_DESCRIPTION = 0.6


@dataclass
class TextSignals:
    """Concepts read from free text: id -> weight in (0, 1], plus the words that triggered each."""
    needs: dict[str, float] = field(default_factory=dict)
    wants: dict[str, float] = field(default_factory=dict)
    avoid: dict[str, float] = field(default_factory=dict)
    clients: dict[str, float] = field(default_factory=dict)
    quotes: dict[tuple[str, str], str] = field(default_factory=dict)   # (kind, id) -> words typed
    refused_words: set[str] = field(default_factory=set)   # the words of phrases read as things to avoid

    def add(self, kind: str, concept: str, weight: float, quote: str) -> None:
        bucket: dict[str, float] = getattr(self, kind)
        if weight > bucket.get(concept, 0.0):
            bucket[concept] = weight
            self.quotes[(kind, concept)] = quote


def _tokens(text: str) -> list[str]:
    return TOKEN.findall(fold(text).replace("\u2019", "'").replace("`", "'"))


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))} | {word}


@dataclass(frozen=True)
class _Phrase:
    kind: str                 # needs / qualities / clients
    ids: tuple[str, ...]
    words: tuple[str, ...]


class _Lexicon:
    """The compiled lexicon: phrases plus lookup tables that map a typed word to the phrase words it matches."""

    def __init__(self, raw: dict):
        self.avoid_cues = [tuple(_tokens(c)) for c in raw["cues"]["avoid"]]
        self.scope_words = frozenset(raw["cues"]["scope_words"])
        self.negate_cues = [tuple(_tokens(c)) for c in raw["cues"]["negate_need"]]
        breaks = sorted(raw["cues"]["clause_breaks"], key=len, reverse=True)
        self.clause_split = re.compile("|".join(re.escape(b) for b in breaks))
        self.phrases: list[_Phrase] = []
        for entry in raw["entry"]:
            kind = next(k for k in ("needs", "qualities", "clients") if k in entry)
            for phrase in entry["phrases"] + entry.get("phrases_fr", []):
                words = tuple(_tokens(phrase))
                if words:
                    self.phrases.append(_Phrase(kind, tuple(entry[kind]), words))
        plain = {w for p in self.phrases for w in p.words if not w.endswith("*")}
        self.exact = plain
        self.prefixes = sorted({w[:-1] for p in self.phrases for w in p.words if w.endswith("*")})
        self.fuzzy: dict[str, set[str]] = defaultdict(set)
        for w in plain:
            if len(w) >= 5 and w.isalpha():
                for d in _deletes(w):
                    self.fuzzy[d].add(w)
        # Prefix stems ("flashback*") tolerate a typo too: compare the token's start, one letter either way.
        self.fuzzy_stems: dict[str, set[str]] = defaultdict(set)
        for p in self.prefixes:
            if len(p) >= 5 and p.isalpha():
                for d in _deletes(p):
                    self.fuzzy_stems[d].add(p)
        self.stem_lengths = sorted({len(p) for p in self.prefixes if len(p) >= 5})

    def word_matches(self, token: str) -> set[str]:
        """Phrase words (with `*` for prefixes) that a typed token stands for."""
        found = {token} if token in self.exact else set()
        found.update(p + "*" for p in self.prefixes if token.startswith(p))
        if len(token) >= 5 and token.isalpha():
            # A typo rarely changes the first letter; requiring it keeps "depuis" from matching "epuise*".
            for d in _deletes(token):
                found.update(w for w in self.fuzzy.get(d, ()) if w[0] == token[0])
            for n in self.stem_lengths:
                for cut in {n - 1, n, n + 1}:
                    if cut <= len(token):
                        for d in _deletes(token[:cut]):
                            found.update(p + "*" for p in self.fuzzy_stems.get(d, ()) if len(p) == n and p[0] == token[0])
        return found


@cache
def _lexicon() -> _Lexicon:
    return _Lexicon(load_toml("lexicon.toml"))


def _in_scope(before: list[str], scope_words: frozenset[str]) -> list[str]:
    """The words before a phrase, less the connecting words next to it ("digging into my"), so a cue
    reaches the phrase across a verb phrase: "not digging into my childhood" is about childhood."""
    end = len(before)
    while end and (before[end - 1] in scope_words or (before[end - 1].endswith("ing") and len(before[end - 1]) > 4)):
        end -= 1
    return before[:end]


def _has_cue(before: list[str], cues: list[tuple[str, ...]]) -> bool:
    for cue in cues:
        n = len(cue)
        first = 0 if n > 1 else max(0, len(before) - SHORT_CUE_WINDOW)
        for i in range(first, len(before) - n + 1):
            if tuple(before[i:i + n]) == cue:
                return True
    return False


def _find(phrase: _Phrase, positions: dict[str, list[int]]) -> tuple[int, int] | None:
    """First (start, end) of the phrase's words in order, each within MAX_GAP words of the last."""
    for start in positions.get(phrase.words[0], ()):
        end = start
        for word in phrase.words[1:]:
            nxt = [p for p in positions.get(word, ()) if end < p <= end + 1 + MAX_GAP]
            if not nxt:
                break
            end = nxt[0]
        else:
            return start, end
    return None


def read_text(description: str = "", wants_text: str = "", avoid_text: str = "") -> TextSignals:
    """Turn the person's own words into weighted concepts, with negation and typo tolerance."""
    lex = _lexicon()
    signals = TextSignals()
    for source, text in (("description", description), ("wants_text", wants_text), ("avoid_text", avoid_text)):
        if not text:
            continue
        weight = WEIGHT[source]
        for clause in lex.clause_split.split(fold(text).replace("\u2019", "'")):
            tokens = _tokens(clause)
            if not tokens:
                continue
            positions: dict[str, list[int]] = defaultdict(list)
            for i, tok in enumerate(tokens):
                for w in lex.word_matches(tok):
                    positions[w].append(i)
            for phrase in lex.phrases:
                if phrase.words[0] not in positions:
                    continue
                span = _find(phrase, positions)
                if span is None:
                    continue
                start, end = span
                quote = " ".join(tokens[start:end + 1])
                if phrase.kind == "needs":
                    if source == "avoid_text" or _has_cue(tokens[max(0, start - NEED_CUE_WINDOW):start], lex.negate_cues):
                        continue
                    for need in phrase.ids:
                        signals.add("needs", need, weight, quote)
                elif phrase.kind == "clients":
                    for client in phrase.ids:
                        signals.add("clients", client, weight, quote)
                else:
                    negated = _has_cue(_in_scope(tokens[max(0, start - AVOID_CUE_WINDOW):start], lex.scope_words),
                                       lex.avoid_cues)
                    if source == "avoid_text" or negated:
                        context = " ".join(tokens[max(0, start - AVOID_CUE_WINDOW):end + 1])
                        signals.refused_words.update(tokens[start:end + 1])
                        for q in phrase.ids:
                            signals.add("avoid", q, weight, context)
                    else:
                        w = weight if source == "wants_text" else QUALITY_WEIGHT_IN_DESCRIPTION
                        for q in phrase.ids:
                            signals.add("wants", q, w, quote)
    # Something cannot be both wanted and avoided from the same words: avoidance wins (it is the safer reading).
    for q in list(signals.wants):
        if q in signals.avoid:
            del signals.wants[q]
    return signals
