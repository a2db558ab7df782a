"""A dossier full of hostile and odd user text."""

from __future__ import annotations

from ddcheck.domain.dossier import Action, Evidence
from ddcheck.domain.snapshot import DossierSnapshot
from tests.factories import NOW, filled_dossier, make_company, make_snapshot, synthetic_template

LONG_WORD = "Z" * 5000
HOSTILE_TEXTS = (
    '<img src="/etc/passwd"/>',
    '<img src="resources/fonts/DejaVuSans.ttf" width="10" height="10"/>',
    '<font color="white" size="1">HIDDEN</font>',
    '<a href="javascript:app.alert(1)">click</a>',
    '<a href="file:///etc/passwd">local</a>',
    "&amp; and &lt; stay literal",
    "R&D dept",
    "unclosed <b>bold and a<b and c>d",
    '<onDraw name="showPage"/>',
    "中文字符 and emoji 😀✅ and Arabic مرحبا بالعالم and Greek αβγ and Cyrillic жизнь",
    f"long word {LONG_WORD} end",
    "line one\nline two\n\n   spaced",
)


def hostile_snapshot() -> DossierSnapshot:
    """Return a snapshot whose notes, text answers, names and actions are hostile."""
    template = synthetic_template()
    dossier = filled_dossier({template.id: template}, confidential_every=1000)
    answers = []
    for index, answer in enumerate(dossier.answers):
        text = HOSTILE_TEXTS[index % len(HOSTILE_TEXTS)]
        update: dict[str, object] = {"note": text}
        if isinstance(answer.value, str) and answer.value.startswith("Free text"):
            update["value"] = text
        answers.append(answer.model_copy(update=update))
    evidence = [
        Evidence(id="ev-h", name='<img src="x"/> R&D.pdf', size=5, sha256="1" * 64, added_at=NOW)
    ]
    answers[0] = answers[0].model_copy(update={"evidence_ids": ["ev-h"]})
    actions = [
        Action(
            id=f"h{i}",
            item_keys=[answers[i].key],
            action=text,
            gap=text,
            owner=text,
            deliverable=text,
            budget=text,
            progress_note=text,
        )
        for i, text in enumerate(HOSTILE_TEXTS)
    ]
    dossier = dossier.model_copy(
        update={
            "company": make_company(name="<b>Evil</b> & Co <img src='x'/>", sector=LONG_WORD),
            "answers": answers,
            "evidence": evidence,
            "actions": actions,
        }
    )
    return make_snapshot(dossier, {template.id: template})
