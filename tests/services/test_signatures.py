"""Pinning senders' keys on receipt, flagging other keys, ordering revisions by receipt."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ddcheck.exchange.signing import SigningKey
from ddcheck.services import Workspace
from ddcheck.services.export import export_pdf
from ddcheck.services.received_model import ImportRefused
from tests.services.exchange_helpers import dump, filled, open_workspace

FAR_FUTURE = dt.datetime(2099, 1, 1, tzinfo=dt.UTC)


@pytest.fixture
def company(tmp_path: Path):
    with open_workspace(tmp_path / "company") as ws:
        yield ws


@pytest.fixture
def adviser(tmp_path: Path):
    with open_workspace(tmp_path / "adviser", user="adviser") as ws:
        yield ws


def _third_party_pdf(company: Workspace, dossier_id: str, out: Path, **changes) -> Path:
    """Return a PDF of the company's dossier id made and signed elsewhere (another key)."""
    snapshot = company.snapshot(dossier_id)
    snapshot = snapshot.model_copy(update=changes)
    export_pdf(snapshot, out, lang="nl", key=SigningKey.create("Mallory", FAR_FUTURE))
    return out


def test_the_first_signed_file_pins_the_key_and_another_key_is_flagged(
    company: Workspace, adviser: Workspace, tmp_path: Path
) -> None:
    dossier = filled(company)
    company.export_pdf(dossier.id, tmp_path / "v1.pdf", lang="nl")
    first = adviser.import_file(tmp_path / "v1.pdf")
    assert not [w for w in first.warnings if "WARNING" in str(w)]
    assert adviser.received_revisions(first.received_id)[0].signature == "signed"
    company.answer(dossier.id, "mini", "grievance", value="meets")
    forged = _third_party_pdf(company, dossier.id, tmp_path / "forged.pdf")
    flagged = adviser.import_file(forged)
    assert flagged.status == "revision"
    [warning] = [w for w in flagged.warnings if "WARNING" in str(w)]
    assert "another key" in str(warning) and "LET OP" in warning.nl
    assert adviser.received_revisions(first.received_id)[-1].signature == "other_key"
    # the pin stays: the genuine next export is signed, not flagged
    company.export_pdf(dossier.id, tmp_path / "v3.pdf", lang="nl")
    genuine = adviser.import_file(tmp_path / "v3.pdf")
    assert not [w for w in genuine.warnings if "WARNING" in str(w)]
    signatures = [r.signature for r in adviser.received_revisions(first.received_id)]
    assert signatures == ["signed", "other_key", "signed"]


def test_a_far_future_export_date_does_not_make_a_third_party_file_the_newest_for_good(
    company: Workspace, adviser: Workspace, tmp_path: Path
) -> None:
    dossier = filled(company)
    company.export_pdf(dossier.id, tmp_path / "v1.pdf", lang="nl")
    received_id = adviser.import_file(tmp_path / "v1.pdf").received_id
    forged = _third_party_pdf(company, dossier.id, tmp_path / "forged.pdf", generated_at=FAR_FUTURE)
    adviser.import_file(forged)
    assert adviser.get_received(received_id).revision.generated_at == FAR_FUTURE
    company.answer(dossier.id, "mini", "grievance", value="meets")
    company.export_pdf(dossier.id, tmp_path / "v3.pdf", lang="nl")
    later = adviser.import_file(tmp_path / "v3.pdf")
    assert later.status == "revision" and later.revision == 3
    newest = adviser.get_received(received_id)
    assert newest.revision.number == 3 and newest.revision.signature == "signed"
    assert newest.dossier.answer("mini", "grievance").value == "meets"
    assert newest.revision.generated_at < FAR_FUTURE


def test_the_kvk_number_pins_too(company: Workspace, adviser: Workspace, tmp_path: Path) -> None:
    dossier = filled(company)
    company.export_pdf(dossier.id, tmp_path / "v1.pdf", lang="nl")
    adviser.import_file(tmp_path / "v1.pdf")
    other = filled(company, mission="Another mission")  # same KvK number, a new dossier id
    snapshot = company.snapshot(other.id)
    export_pdf(snapshot, tmp_path / "o.pdf", lang="nl", key=SigningKey.create("X", FAR_FUTURE))
    result = adviser.import_file(tmp_path / "o.pdf")
    assert result.status == "new"
    assert any("another key" in str(w) and "KvK" in str(w) for w in result.warnings)


def test_an_unsigned_file_is_imported_as_unsigned(
    company: Workspace, adviser: Workspace, tmp_path: Path
) -> None:
    dossier = filled(company)
    export_pdf(company.snapshot(dossier.id), tmp_path / "old.pdf", lang="nl")  # no key
    result = adviser.import_file(tmp_path / "old.pdf")
    assert result.status == "new"
    assert any("not signed" in str(w) for w in result.warnings)
    assert adviser.get_received(result.received_id).revision.signature == "unsigned"
    # once a signed file pinned the key, an unsigned one is a warning
    company.export_pdf(dossier.id, tmp_path / "v2.pdf", lang="nl")
    adviser.import_file(tmp_path / "v2.pdf")
    company.answer(dossier.id, "mini", "grievance", value="meets")
    export_pdf(company.snapshot(dossier.id), tmp_path / "stripped.pdf", lang="nl")
    stripped = adviser.import_file(tmp_path / "stripped.pdf")
    assert any("WARNING: it is not signed" in str(w) for w in stripped.warnings)


def test_a_tampered_signed_pdf_is_refused_and_nothing_is_stored(
    company: Workspace, adviser: Workspace, tmp_path: Path
) -> None:
    dossier = filled(company)
    company.export_pdf(dossier.id, tmp_path / "v1.pdf", lang="nl")
    data = (tmp_path / "v1.pdf").read_bytes()
    at = data.index(b"/Producer")
    (tmp_path / "t.pdf").write_bytes(data[:at] + b"/Produces" + data[at + 9 :])
    before = dump(adviser.paths.database)
    with pytest.raises(ImportRefused, match="changed after it was signed"):
        adviser.import_file(tmp_path / "t.pdf")
    assert dump(adviser.paths.database) == before


def test_bundles_are_signed_and_pinned_like_pdfs(
    company: Workspace, adviser: Workspace, tmp_path: Path
) -> None:
    dossier = filled(company)
    company.export_pdf(dossier.id, tmp_path / "v1.pdf", lang="nl")
    received_id = adviser.import_file(tmp_path / "v1.pdf").received_id
    company.answer(dossier.id, "mini", "grievance", value="meets")
    company.export_bundle(dossier.id, tmp_path / "v2.ddcheck")
    result = adviser.import_file(tmp_path / "v2.ddcheck")
    assert not [w for w in result.warnings if "WARNING" in str(w)]
    [one, two] = adviser.received_revisions(received_id)
    assert one.signer == two.signer != "" and two.signature == "signed"


def test_review_files_are_pinned_to_their_adviser(
    company: Workspace, adviser: Workspace, tmp_path: Path
) -> None:
    dossier = filled(company)
    company.export_pdf(dossier.id, tmp_path / "v1.pdf", lang="nl")
    received_id = adviser.import_file(tmp_path / "v1.pdf").received_id
    adviser.set_verdict(received_id, "sufficient", "Fine.")
    path = adviser.export_review_file(received_id, tmp_path / "r.ddreview").path
    first = company.import_file(path)
    assert not [w for w in first.warnings if "WARNING" in str(w)]
    with open_workspace(tmp_path / "impostor", user="impostor") as impostor:
        rid = impostor.import_file(tmp_path / "v1.pdf").received_id
        impostor.set_verdict(rid, "insufficient", "Start again.")
        other = impostor.export_review_file(rid, tmp_path / "other.ddreview").path
    flagged = company.import_file(other)
    assert any("another key" in str(w) for w in flagged.warnings)
    text = path.read_text().replace("Fine.", "Great.")
    (tmp_path / "changed.ddreview").write_text(text)
    with pytest.raises(ImportRefused, match="changed after it was exported"):
        company.import_file(tmp_path / "changed.ddreview")


def test_the_key_is_made_once_and_kept_in_the_workspace(company: Workspace) -> None:
    assert company.own_signer() is None
    key = company.signing_key("Van Dijk BV")
    assert company.own_signer() == key.signer
    assert company.signing_key("Something else").signer == key.signer
    assert "Van Dijk BV" in key.signer.name


def test_trusting_the_new_key_pins_it_unflags_its_revisions_and_is_in_the_history(
    company: Workspace, adviser: Workspace, tmp_path: Path
) -> None:
    from ddcheck.services.errors import InvalidInput
    from ddcheck.store import signing as signing_rows

    dossier = filled(company)
    company.export_pdf(dossier.id, tmp_path / "v1.pdf", lang="nl")
    received_id = adviser.import_file(tmp_path / "v1.pdf").received_id
    new_laptop = SigningKey.create("Van Dijk BV (new laptop)", FAR_FUTURE)
    snapshot = company.snapshot(dossier.id)
    export_pdf(snapshot.model_copy(update={"generated_at": FAR_FUTURE}), tmp_path / "v2.pdf",
               lang="nl", key=new_laptop)  # fmt: skip
    assert adviser.import_file(tmp_path / "v2.pdf").warnings
    assert adviser.get_received(received_id).revision.signature == "other_key"
    old_key = company.own_signer().key_id  # type: ignore[union-attr]

    done = adviser.trust_key(received_id)
    assert done.changed and done.key_id == new_laptop.signer.key_id
    assert done.replaced == (old_key,) and done.unflagged == 1
    assert done.name == new_laptop.signer.name
    assert adviser.get_received(received_id).revision.signature == "signed"
    pin = signing_rows.pinned(adviser._store.conn, "dossier", dossier.id)
    assert pin is not None and pin.certificate == new_laptop.certificate
    [entry] = [h for h in adviser.review_history(received_id) if h.field == "key_trusted"]
    assert entry.new == new_laptop.signer.name
    assert adviser.trust_key(received_id).changed is False  # twice changes nothing

    export_pdf(company.snapshot(dossier.id), tmp_path / "v3.pdf", lang="nl",
               key=company.signing_key())  # fmt: skip
    assert any("another key" in str(w) for w in adviser.import_file(tmp_path / "v3.pdf").warnings)
    unsigned = tmp_path / "v4.pdf"
    later = FAR_FUTURE + dt.timedelta(days=1)
    export_pdf(company.snapshot(dossier.id).model_copy(update={"generated_at": later}),
               unsigned, lang="nl")  # fmt: skip
    assert adviser.import_file(unsigned).status == "revision"
    with pytest.raises(InvalidInput, match="not signed"):
        adviser.trust_key(received_id)


def test_an_unsigned_review_after_a_signed_one_from_the_adviser_is_flagged(
    company: Workspace, adviser: Workspace, tmp_path: Path
) -> None:
    from ddcheck.exchange.review_file import review_file_bytes

    dossier = filled(company)
    company.export_pdf(dossier.id, tmp_path / "v1.pdf", lang="nl")
    received_id = adviser.import_file(tmp_path / "v1.pdf").received_id
    adviser.set_verdict(received_id, "sufficient", "Fine.")
    signed = adviser.export_review_file(received_id, tmp_path / "r.ddreview").path
    adviser.set_verdict(received_id, "insufficient", "Not yet.")
    (tmp_path / "old.ddreview").write_bytes(review_file_bytes(adviser._review_file(received_id))[0])
    assert not [w for w in company.import_file(signed).warnings if "WARNING" in str(w)]
    flagged = company.import_file(tmp_path / "old.ddreview")
    assert any(str(w).startswith("WARNING: it is not signed") for w in flagged.warnings)
