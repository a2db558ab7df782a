"""The withheld set depends on which items are marked, never on what the hidden answers are."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ddcheck.catalog import load_shipped_catalog
from ddcheck.domain.conditions import AnswerCondition, NotCondition, ProfileCondition
from ddcheck.domain.confidentiality import may_hold, must_hold, withheld_keys
from ddcheck.domain.dossier import Answer, Evidence
from ddcheck.domain.redaction import redact
from tests.factories import NOW, make_dossier, make_snapshot

CATALOG = load_shipped_catalog()
BRIEFING = CATALOG.templates["briefing-saudi-gulf"]
TEMPLATES = {BRIEFING.id: BRIEFING}
ITEMS = [item.id for _, item in BRIEFING.iter_items()]


def _dossier(values: dict[str, str], marked: set[str]):
    answers = [
        Answer(
            template_id=BRIEFING.id,
            item_id=item_id,
            value=value,
            note=f"note {item_id} {value}",
            confidential=item_id in marked,
            evidence_ids=[f"ev-{item_id}"],
        )
        for item_id, value in values.items()
    ]
    evidence = [
        Evidence(id=f"ev-{i}", name=f"{i}.pdf", size=1, sha256="0" * 64, added_at=NOW)
        for i in values
    ]
    return make_dossier(TEMPLATES).model_copy(update={"answers": answers, "evidence": evidence})


def test_the_workforce_question_takes_its_whole_branch_whatever_the_answer() -> None:
    keys = {
        value: withheld_keys(_dossier({"role-workforce": value}, {"role-workforce"}), TEMPLATES)
        for value in ("yes", "no", "unknown")
    }
    assert keys["yes"] == keys["no"] == keys["unknown"]
    assert "briefing-saudi-gulf/rec-fees-paid" in keys["yes"]
    assert "briefing-saudi-gulf/role-client-labour" in keys["yes"]
    assert "briefing-saudi-gulf/acc-space" in keys["yes"]  # two steps away, through acc-housed
    assert "briefing-saudi-gulf/role-position" not in keys["yes"]


answers = st.dictionaries(
    st.sampled_from(ITEMS), st.sampled_from(["yes", "no", "unknown", "partly"]), max_size=12
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(first=answers, second=answers, marked=st.sets(st.sampled_from(ITEMS), max_size=3))
def test_hidden_values_never_change_what_the_adviser_gets(first, second, marked) -> None:
    """Two dossiers alike in everything the adviser may see give the same adviser version."""
    one = _dossier({**{k: "yes" for k in marked}, **first}, marked)
    withheld = withheld_keys(one, TEMPLATES)
    hidden = {k.partition("/")[2] for k in withheld}
    # The second dossier: the same open answers, anything at all for the withheld items.
    values = {k: v for k, v in first.items() if k not in hidden}
    values.update({k: v for k, v in second.items() if k in hidden})
    values.update({k: second.get(k, "no") for k in marked})
    two = _dossier(values, marked)
    assert withheld_keys(two, TEMPLATES) == withheld
    a, b = (redact(make_snapshot(d, TEMPLATES), "adviser") for d in (one, two))
    assert a.withheld_items == b.withheld_items
    assert a.snapshot.dossier == b.snapshot.dossier


def test_an_item_the_profile_rules_out_is_not_listed() -> None:
    profile = {"destinations": ["SA"], "export_credit_insurance": False}
    no_insurance = ProfileCondition(profile="export_credit_insurance", equals=True)
    answer = AnswerCondition(answer="a", in_=("yes",))
    assert not may_hold(no_insurance, profile)
    assert may_hold(answer, profile) and not must_hold(answer, profile)
    assert not may_hold(NotCondition(not_=NotCondition(not_=no_insurance)), profile)
    assert must_hold(NotCondition(not_=no_insurance), profile)
