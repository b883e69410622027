"""The self-check, the approach library and the French page, driven with AppTest."""
import tomllib
from pathlib import Path

from streamlit.testing.v1 import AppTest

from recommender import load_vocabulary

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
ANXIOUS = [7, 6, 7, 6, 2, 1, 6, 7, 6]


def page():
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    return at


def top_approaches(at):
    return [s.value for s in at.subheader if s.value[:1].isdigit()]


def take_selfcheck(at, answers):
    for i, value in enumerate(answers):
        at.select_slider(key=f"ecr_{i}").set_value(value)
    at.button(key="selfcheck_submit").click().run()
    assert not at.exception


def test_selfcheck_changes_recommendations_only_when_the_person_opts_in():
    at = page()
    at.selectbox(key="client").set_value("self")
    at.button(key="find").click().run()
    before = top_approaches(at)
    take_selfcheck(at, ANXIOUS)
    assert any("Anxious" in s.value for s in at.subheader)
    assert [m.value for m in at.metric] == ["6.3 / 7", "1.5 / 7"]
    assert any("not a diagnosis" in i.value for i in at.info)
    assert any("Fraley" in c.value for c in at.caption)
    assert top_approaches(at) == before                      # not opted in: nothing changes
    at.checkbox(key="attachment_opt_in").check().run()
    after = top_approaches(at)
    assert after != before
    assert any("self-check" in m.value for m in at.markdown)
    at.checkbox(key="attachment_opt_in").uncheck().run()
    assert top_approaches(at) == before


def test_library_lists_every_approach_and_compares_two_or_three():
    at = page()
    names = load_vocabulary().approaches
    labels = [e.label for e in at.expander]
    assert all(name in labels for name in names)
    assert any("holding therapy" in w.value for w in at.warning)
    for start in range(0, len(names), 3):      # every approach appears in a comparison
        group = list(names[start:start + 3])
        if len(group) == 1:
            group = [names[0], group[0]]
        at.multiselect(key="library_compare").set_value(group).run()
        assert not at.exception
        table = [d.value for d in at.dataframe if list(d.value.columns) == group]
        assert table and len(table[0]) >= 6 and table[0].notna().all().all(), group


def test_each_recommendation_links_to_its_library_entry():
    at = page()
    at.selectbox(key="client").set_value("couple")
    at.button(key="find").click().run()
    at.button(key="library_1").click().run()
    assert at.session_state["main_tabs"] == "Approach library"
    opened = [e.label for e in at.expander if e.proto.expanded]
    assert opened == [top_approaches(at)[0].split(". ", 1)[1]]


def test_the_french_page_has_no_english_label_left():
    text = tomllib.loads((ROOT / "data" / "ui_text.toml").read_text())
    vocab = load_vocabulary()
    english = {v for k, v in text["en"].items() if isinstance(v, str) and text["fr"].get(k) != v}
    for kind in ("clients", "needs", "wants", "avoid", "formats"):
        english |= {label for key, label in vocab.labels()[kind].items() if vocab.label(kind, key, "fr") != label}
    at = page()
    at.radio(key="lang").set_value("fr").run()
    at.selectbox(key="client").set_value("couple")
    at.button(key="find").click().run()
    assert not at.exception
    shown = [t.label for t in at.tabs] + [b.label for b in at.button] + [e.label for e in at.expander]
    for kind in ("selectbox", "multiselect", "radio", "text_area", "text_input", "number_input", "slider",
                 "checkbox", "select_slider"):
        shown += [w.label for w in getattr(at, kind)]
        shown += [w.help for w in getattr(at, kind) if getattr(w, "help", None)]
    for kind in ("multiselect", "selectbox", "radio"):
        for w in getattr(at, kind):
            shown += list(w.options)
    shown += [h.value for h in at.header] + [s.value for s in at.subheader] + [c.value for c in at.caption]
    shown += [i.value for i in at.info]
    leftover = sorted({s for s in shown if s in english})
    assert leftover == []
    assert any("Thérapie" in s.value for s in at.subheader)
    record = " ".join(m.value for m in at.markdown)
    assert "Convient bien si" in record and "Étapes habituelles" in record
    assert "vous et votre partenaire avez toujours la même dispute" in record   # the record itself, not only headings
