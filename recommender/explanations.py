"""Plain-language reasons for and against each match, built only from facts in the data.

Every sentence here can be checked against the catalogue, the directory row or what the person
said; none is a generic filler. The rankers call these for the results they return (top k), never
for the whole directory.
"""
from __future__ import annotations

import numpy as np

from .vocabulary import load_vocabulary

STRONG = 0.6   # a quality level at which we say an approach "offers" it
WEAK = 0.3     # below this we say it "does not offer" it
MAX_ITEMS = 3


def _join(items: list[str]) -> str:
    items = items[:MAX_ITEMS]
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def approach_reasons(ranker, query, name: str, rec, comp) -> tuple[list[str], list[str]]:
    vocab = load_vocabulary()
    j = int(np.flatnonzero(ranker.names_ == name)[0])
    prefs, signals = query.prefs, query.signals
    pros: list[str] = []
    cons: list[str] = []

    # Who it is for.
    client = prefs.client
    if client:
        group = vocab.client_groups[client]
        if ranker.populations_[j, ranker.client_ids_.index(client)]:
            pros.append(f"Made for {group}.")
        else:
            made_for = _join([vocab.client_groups[c] for c in rec["populations"]])
            cons.append(f"Not usually offered to {group}; it is made for {made_for}.")

    # Needs it targets, quoting the person's words where the need came from their text.
    need_ids = [ranker.need_ids_[i] for i in np.flatnonzero(query.needs)]
    matched = [n for n in need_ids if ranker.concerns_[j, ranker.need_ids_.index(n)]]
    missed = [n for n in need_ids if n not in matched]
    if matched:
        described = []
        for n in matched:
            quote = signals.quotes.get(("needs", n))
            said = f" (you wrote \u201c{quote}\u201d)" if quote and n not in prefs.needs else ""
            described.append(f"\u201c{vocab.needs[n]}\u201d{said}")
        pros.append(f"Designed for what you described: {_join(described)}.")
    if missed and len(missed) >= len(matched):
        cons.append(f"Not aimed at {_join([chr(0x201c) + vocab.needs[n] + chr(0x201d) for n in missed])}.")

    # Wanted qualities.
    wants = [ranker.quality_ids_[i] for i in np.flatnonzero(query.wants)]
    offers = [q for q in wants if ranker.qualities_[j, ranker.quality_ids_.index(q)] >= STRONG]
    lacks = [q for q in wants if ranker.qualities_[j, ranker.quality_ids_.index(q)] < WEAK]
    if offers:
        pros.append(f"Offers what you want: {_join([_lower_first(vocab.wants[q]) for q in offers])}.")
    if lacks:
        cons.append(f"Offers little of what you want: {_join([_lower_first(vocab.wants[q]) for q in lacks])}.")

    # Avoided qualities: the penalty, in words.
    avoided = [ranker.quality_ids_[i] for i in np.flatnonzero(query.avoid)]
    involves = [q for q in avoided if ranker.qualities_[j, ranker.quality_ids_.index(q)] >= 0.5]
    free_of = [q for q in avoided if ranker.qualities_[j, ranker.quality_ids_.index(q)] < WEAK]
    if involves:
        said = [signals.quotes.get(("avoid", q)) for q in involves if q not in prefs.avoid]
        quote = f" (you wrote \u201c{said[0]}\u201d)" if said and said[0] else ""
        cons.append(f"Involves what you'd rather avoid: {_join([_lower_first(vocab.avoid[q]) for q in involves])}{quote}.")
    if free_of and not involves:
        pros.append(f"Little or none of what you'd rather avoid ({_join([_lower_first(vocab.avoid[q]) for q in free_of])}).")

    # Words in common with its description.
    if query.text is not None:
        words_vec = ranker.text_encoder_.transformer_list[0][1]
        q_words = words_vec.transform([prefs.free_text])
        overlap = q_words.multiply(ranker.word_documents_[j]).toarray().ravel()
        terms = words_vec.get_feature_names_out()
        top: list[int] = []
        for i in np.argsort(-overlap):
            if overlap[i] <= 0 or len(top) == MAX_ITEMS:
                break
            if not any(terms[i] in terms[k] or terms[k] in terms[i] for k in top):
                top.append(i)
        if top:
            quoted = ["\u201c" + terms[i] + "\u201d" for i in top]
            pros.append(f"Your words match its description: {_join(quoted)}.")

    if rec["qualities"].get("evidence_based", 0) >= 0.9:
        pros.append("Strong research evidence.")
    elif rec["qualities"].get("evidence_based", 0) <= 0.3:
        cons.append("Research evidence is still limited.")
    if not pros:
        pros.append("A general option; nothing you told us points strongly to it.")
    return pros, cons


def provider_reasons(row, prefs, approach_scores, approach_rank: dict[str, int], place, max_distance) -> tuple[list[str], list[str]]:
    """Reasons for one provider row (a dict-like of the directory row plus `distance_km`)."""
    vocab = load_vocabulary()
    pros: list[str] = []
    cons: list[str] = []
    offered = [a for a in row["approaches"] if a in approach_rank]
    best = min(offered, key=lambda a: approach_rank[a]) if offered else None
    top_name = min(approach_rank, key=approach_rank.get)
    if best:
        pros.append(f"Offers {best}, your #{approach_rank[best]} approach match.")
        if best != top_name:
            cons.append(f"Does not offer your top match, {top_name}.")
    if prefs.client and prefs.client in row["populations"]:
        pros.append(f"Works with {vocab.client_groups[prefs.client]}.")
    distance = row.get("distance_km")
    if distance is not None and not np.isnan(distance):
        pros.append(f"In person, {distance:.0f} km from {place.city}.")
        if max_distance and distance > 0.66 * max_distance:
            cons.append(f"Towards the edge of your distance: {distance:.0f} km away.")
    elif "online" in row["formats"]:
        pros.append("Offers online sessions.")
        if place is not None and prefs.format == "either" and "in_person" not in row["formats"]:
            cons.append("Online only; no in-person sessions.")
    spoken = [lang for lang in prefs.languages if lang in row["languages"]]
    if spoken:
        pros.append(f"Works in {_join(spoken)}.")
    fee = float(row["fee"])
    if prefs.max_fee is not None:
        if fee > 0.9 * prefs.max_fee:
            cons.append(f"${fee:.0f} per session is near your limit of ${prefs.max_fee:.0f}.")
        else:
            pros.append(f"${fee:.0f} per session, within your ${prefs.max_fee:.0f}.")
    if row.get("sliding_scale"):
        pros.append("Offers a sliding scale.")
    concerns = [n for n in prefs.needs if n in (row.get("concerns") or [])]
    if concerns:
        pros.append(f"Lists experience with {_join([_lower_first(vocab.needs[n]) for n in concerns])}.")
    if not row["accepting_new_clients"]:
        cons.append("Not accepting new clients at the moment.")
    return pros, cons
