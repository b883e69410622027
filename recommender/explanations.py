"""Plain-language reasons for and against each match, built only from facts in the data.

Every sentence can be checked against the catalogue, the directory row or what the person said;
none is filler. The sentences themselves are templates in data/explanations.toml, one set per
language. The rankers call these for the results they return (top k), never for a whole directory.
"""
from __future__ import annotations

import numpy as np

from .catalogue import load_catalogue
from .directory import plan_accepted
from .data_files import load_toml
from .vocabulary import load_vocabulary

STRONG = 0.6   # a quality level at which we say an approach "offers" it
WEAK = 0.3     # below this we say it "does not offer" it
MAX_ITEMS = 3
LANGUAGES = ("en", "fr")


class Sentences:
    """The templates of one language, plus the small helpers that fill them."""

    def __init__(self, language: str = "en"):
        self.language = language if language in LANGUAGES else "en"
        self.text = load_toml("explanations.toml")[self.language]
        self.vocab = load_vocabulary()

    def __call__(self, key: str, **values) -> str:
        return self.text[key].format(**values)

    def join(self, items: list[str]) -> str:
        items = items[:MAX_ITEMS]
        return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {self.text['and']} " + items[-1]

    def quoted(self, text: str) -> str:
        return self.text["quote"].format(text=text)

    def label(self, kind: str, key: str) -> str:
        return self.vocab.label(kind, key, self.language)

    def lower(self, kind: str, key: str) -> str:
        text = self.label(kind, key)
        return text[:1].lower() + text[1:]

    def approach(self, name: str) -> str:
        if self.language == "en":
            return name
        translated = load_catalogue().loc[name].get(f"name_{self.language}")
        return translated if isinstance(translated, str) else name


def approach_reasons(ranker, query, name: str, rec, comp, language: str = "en") -> tuple[list[str], list[str]]:
    say = Sentences(language)
    j = int(np.flatnonzero(ranker.names_ == name)[0])
    prefs, signals = query.prefs, query.signals
    level = lambda q: ranker.qualities_[j, ranker.quality_ids_.index(q)]  # noqa: E731
    pros: list[str] = []
    cons: list[str] = []

    if prefs.client:
        group = say.label("client_groups", prefs.client)
        if ranker.populations_[j, ranker.client_ids_.index(prefs.client)]:
            pros.append(say("made_for", group=group))
        else:
            made_for = say.join([say.label("client_groups", c) for c in rec["populations"]])
            cons.append(say("not_for", group=group, made_for=made_for))

    # Needs it targets, quoting the person's words where the need came from their text.
    need_ids = [ranker.need_ids_[i] for i in np.flatnonzero(query.needs)]
    matched = [n for n in need_ids if ranker.concerns_[j, ranker.need_ids_.index(n)]]
    missed = [n for n in need_ids if n not in matched]
    if matched:
        described = []
        for n in matched:
            quote = signals.quotes.get(("needs", n))
            said = say("you_wrote", quote=quote) if quote and n not in prefs.needs else ""
            if n in query.from_self_check and not said:
                said = say("from_self_check")
            described.append(say.quoted(say.label("needs", n)) + said)
        pros.append(say("designed_for", items=say.join(described)))
    if missed and len(missed) >= len(matched):
        cons.append(say("not_aimed", items=say.join([say.quoted(say.label("needs", n)) for n in missed])))

    wants = [ranker.quality_ids_[i] for i in np.flatnonzero(query.wants)]
    offers = [q for q in wants if level(q) >= STRONG]
    lacks = [q for q in wants if level(q) < WEAK]
    if offers:
        pros.append(say("offers_wanted", items=say.join([say.lower("wants", q) for q in offers])))
    if lacks:
        cons.append(say("lacks_wanted", items=say.join([say.lower("wants", q) for q in lacks])))

    # Avoided qualities: the penalty, in words.
    avoided = [ranker.quality_ids_[i] for i in np.flatnonzero(query.avoid)]
    involves = [q for q in avoided if level(q) >= 0.5]
    free_of = [q for q in avoided if level(q) < WEAK]
    if involves:
        typed = [signals.quotes.get(("avoid", q)) for q in involves if q not in prefs.avoid]
        quote = say("you_wrote", quote=typed[0]) if typed and typed[0] else ""
        cons.append(say("involves_avoided", items=say.join([say.lower("avoid", q) for q in involves]), quote=quote))
    if free_of and not involves:
        pros.append(say("free_of_avoided", items=say.join([say.lower("avoid", q) for q in free_of])))

    # Words in common with its description.
    if query.words is not None:
        overlap = query.words.multiply(ranker.word_documents_[j]).toarray().ravel()
        terms = ranker.word_terms_
        # Words the person used to say what they do not want ("not digging into my childhood") are no
        # reason in favour, even though they overlap with the description.
        refused = signals.refused_words
        top: list[int] = []
        for i in np.argsort(-overlap):
            if overlap[i] <= 0 or len(top) == MAX_ITEMS:
                break
            if set(terms[i].split()) & refused:   # e.g. "childhood" in "not digging into my childhood"
                continue
            if not any(terms[i] in terms[k] or terms[k] in terms[i] for k in top):
                top.append(i)
        if top:
            pros.append(say("words_match", items=say.join([say.quoted(terms[i]) for i in top])))

    evidence = rec["qualities"].get("evidence_based", 0)
    if evidence >= 0.9:
        pros.append(say("strong_evidence"))
    elif evidence <= 0.3:
        cons.append(say("limited_evidence"))
    if not pros:
        pros.append(say("general_option"))
    return pros, cons


def provider_reasons(row, prefs, approach_rank: dict[str, int], place, max_distance,
                     language: str = "en") -> tuple[list[str], list[str]]:
    """Reasons for one provider row (a dict of the directory row plus `distance_km`)."""
    say = Sentences(language)
    pros: list[str] = []
    cons: list[str] = []
    offered = [a for a in row["approaches"] if a in approach_rank]
    best = min(offered, key=lambda a: approach_rank[a]) if offered else None
    top_name = min(approach_rank, key=approach_rank.get)
    if best:
        pros.append(say("offers_approach", approach=say.approach(best), rank=approach_rank[best]))
        if best != top_name:
            cons.append(say("lacks_top", approach=say.approach(top_name)))
    if prefs.client and prefs.client in row["populations"]:
        pros.append(say("works_with", group=say.label("client_groups", prefs.client)))
    distance = row.get("distance_km")
    if distance is not None and not np.isnan(distance):
        pros.append(say("in_person_km", km=f"{distance:.0f}", city=place.city))
        if max_distance and distance > 0.66 * max_distance:
            cons.append(say("edge_of_distance", km=f"{distance:.0f}"))
    elif "online" in row["formats"]:
        pros.append(say("online"))
        if place is not None and prefs.format == "either" and "in_person" not in row["formats"]:
            cons.append(say("online_only"))
    spoken = [lang for lang in prefs.languages if lang in row["languages"]]
    if spoken:
        pros.append(say("speaks", languages=say.join([say.label("languages", lang) for lang in spoken])))
    fee = float(row["fee"])
    if prefs.max_fee is not None:
        key = "fee_near_limit" if fee > 0.9 * prefs.max_fee else "fee_within"
        (cons if key == "fee_near_limit" else pros).append(say(key, fee=f"{fee:.0f}", limit=f"{prefs.max_fee:.0f}"))
    if row.get("sliding_scale"):
        pros.append(say("sliding"))
    accepted = [plan for plan in (row.get("insurance") if row.get("insurance") is not None else [])
                if plan_accepted(plan, prefs.insurance)]
    if accepted:
        pros.append(say("accepts_plan", plans=say.join(accepted)))
    concerns = [n for n in prefs.needs if n in (row.get("concerns") if row.get("concerns") is not None else [])]
    if concerns:
        pros.append(say("experience", items=say.join([say.quoted(say.label("needs", n)) for n in concerns])))
    if not row["accepting_new_clients"]:
        cons.append(say("not_accepting"))
    return pros, cons
