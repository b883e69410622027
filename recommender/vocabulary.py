"""The controlled vocabularies (clients, needs, wants/avoid qualities, formats, languages, approaches).

Read from `data/vocabulary.toml` and the catalogue, so the model, the CLI and the page share one list.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from .data_files import load_toml


@dataclass(frozen=True)
class Vocabulary:
    clients: dict[str, str]          # id -> label
    needs: dict[str, str]            # id -> label
    wants: dict[str, str]            # quality id -> label when wanted
    avoid: dict[str, str]            # quality id -> label when avoided
    formats: dict[str, str]
    languages: tuple[str, ...]
    approaches: tuple[str, ...]      # recommendable approach names, catalogue order
    crisis_needs: frozenset[str]
    client_help: dict[str, str]
    client_groups: dict[str, str]    # id -> plural noun ("couples") for sentences
    translations: dict[str, dict[str, dict[str, str]]]  # language -> kind -> id -> label

    def label(self, kind: str, key: str, language: str = "en") -> str:
        """Label of a vocabulary id (kind: clients, needs, wants, avoid, formats, client_groups, client_help)."""
        if language != "en":
            translated = self.translations.get(language, {}).get(kind, {}).get(key)
            if translated:
                return translated
        if kind == "languages":
            return key
        return {**self.labels(), "client_groups": self.client_groups, "client_help": self.client_help}[kind][key]

    @property
    def qualities(self) -> tuple[str, ...]:
        return tuple(self.wants)

    def as_lists(self) -> dict[str, list[str]]:
        """The contract's `vocab` answer: every vocabulary as a list of the strings preferences use."""
        return {
            "clients": list(self.clients), "needs": list(self.needs), "wants": list(self.wants),
            "avoid": list(self.avoid), "formats": list(self.formats), "languages": list(self.languages),
            "approaches": list(self.approaches), "attachment_styles": list(load_toml("attachment_check.toml")["style"]),
        }

    def labels(self) -> dict[str, dict[str, str]]:
        return {"clients": self.clients, "needs": self.needs, "wants": self.wants,
                "avoid": self.avoid, "formats": self.formats}


@cache
def load_vocabulary() -> Vocabulary:
    v = load_toml("vocabulary.toml")
    catalogue = load_toml("approaches.toml")["approach"]
    return Vocabulary(
        clients={c["id"]: c["label"] for c in v["client"]},
        needs={n["id"]: n["label"] for n in v["need"]},
        wants={q["id"]: q["want"] for q in v["quality"]},
        avoid={q["id"]: q["avoid"] for q in v["quality"]},
        formats={f["id"]: f["label"] for f in v["format"]},
        languages=tuple(v["languages"]["list"]),
        approaches=tuple(a["name"] for a in catalogue if not a.get("discredited")),
        crisis_needs=frozenset(n["id"] for n in v["need"] if n.get("crisis")),
        client_help={c["id"]: c["help"] for c in v["client"]},
        client_groups={c["id"]: c["group"] for c in v["client"]},
        translations={"fr": {
            "clients": {c["id"]: c["label_fr"] for c in v["client"]},
            "client_groups": {c["id"]: c["group_fr"] for c in v["client"]},
            "client_help": {c["id"]: c["help_fr"] for c in v["client"]},
            "needs": {n["id"]: n["label_fr"] for n in v["need"]},
            "wants": {q["id"]: q["want_fr"] for q in v["quality"]},
            "avoid": {q["id"]: q["avoid_fr"] for q in v["quality"]},
            "formats": {f["id"]: f["label_fr"] for f in v["format"]},
            "languages": dict(zip(v["languages"]["list"], v["languages"]["list_fr"], strict=True)),
        }},
    )
