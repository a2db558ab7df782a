"""What the demo dossier says: a fictional Dutch construction-equipment supplier going to Riyadh."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ddcheck.domain.dossier import Company, Mission

COMPANY = Company(
    name="Hollandse Hijs- en Graaftechniek B.V.",
    kvk_number="68452913",
    sector="bouwmachines (graafmachines, torenkranen, betonpompen)",
    size="medium",
    contact_name="Sanne de Vries",
    contact_email="sanne.devries@example.nl",
    contact_phone="+31 30 555 0142",
)
MISSION = Mission(
    name="Handelsmissie Saoedi-Arabië 2027 — infrastructuur en bouw",
    destinations=["SA"],
    start=dt.date(2027, 2, 14),
    end=dt.date(2027, 2, 18),
    organiser="RVO en de Nederlandse ambassade in Riyad",
    activities=["export", "project", "services"],
    export_credit_insurance=True,
)
CONFIDENTIAL_NOTE = (
    "VERTROUWELIJK: in 2023 schikking met onderaannemer Al-Nakheel Contracting over "
    "achterstallig loon van 14 kraanmachinisten (EUR 48.500); niet delen buiten de directie."
)
"""The note of the demo's one confidential item; it must never appear in an adviser export."""


@dataclass(frozen=True)
class Entry:
    """One prepared answer of the demo dossier."""

    key: str
    value: Any = None
    note: str = ""
    risk: dict[str, Any] | None = None
    confidential: bool = False
    review: bool = False
    evidence: tuple[str, ...] = field(default_factory=tuple)


ENTRIES: tuple[Entry, ...] = (
    Entry(
        "oecd-selfscan/s0-activities",
        "Verkoop, verhuur en onderhoud van hydraulische graafmachines, torenkranen en "
        "betonpompen voor aannemers van metro- en wegenprojecten in Riyad.",
    ),
    Entry(
        "oecd-selfscan/s1-policy",
        "m3",
        "IMVO-beleid vastgesteld door de directie op 12 maart 2025; jaarlijkse herziening gepland.",
        evidence=("IMVO-beleid-2025.pdf",),
    ),
    Entry(
        "oecd-selfscan/s1-training",
        "m1",
        "The four people in our Gulf sales team will complete the RVO e-learning before the "
        "mission.",
    ),
    Entry(
        "oecd-selfscan/s1-partner-expectations",
        "m2",
        "Gedragscode voor leveranciers en distributeurs sinds 2026; nog niet door de "
        "distributeur in Riyad ondertekend.",
        evidence=("Gedragscode-leveranciers-2026.txt",),
    ),
    Entry(
        "oecd-selfscan/s2-assessment",
        "m2",
        "Risk register for Saudi Arabia drafted with the RVO MVO Risico Checker; to be "
        "discussed with the distributor.",
        evidence=("risicoregister-SA.csv",),
        review=True,
    ),
    Entry(
        "oecd-selfscan/s2-migrant-workers",
        "partly",
        "Our Saudi distributor employs about 40 operators and mechanics from Nepal and "
        "Bangladesh through a recruitment agency; we have not yet seen their contracts.",
        risk={"severity": 4, "likelihood": 3, "involvement": "contribute"},
    ),
    Entry(
        "oecd-selfscan/s3-workers",
        "no",
        "Nog geen afspraken over wervingskosten met de distributeur; gepland voor Q1 2027.",
    ),
    Entry("oecd-selfscan/s0-allegations", "none"),
    Entry("oecd-selfscan/s6-past-harm", "remedied", CONFIDENTIAL_NOTE, confidential=True),
    Entry(
        "briefing-saudi-gulf/ctx-amnesty-riyadh",
        "acknowledged",
        "Gelezen in het MT-overleg van 4 november 2026.",
    ),
    Entry(
        "briefing-saudi-gulf/role-workforce",
        "yes",
        "Two of our service engineers work on site about two weeks per quarter; the "
        "distributor's operators run the machines.",
    ),
    Entry(
        "briefing-saudi-gulf/rec-fees-paid",
        "yes",
        "Two crane operators hired through an agency in Kathmandu say they paid about "
        "USD 1,200 each; reimbursement is being arranged with the distributor.",
        risk={"severity": 4, "likelihood": 3, "involvement": "linked"},
    ),
    Entry(
        "briefing-saudi-gulf/doc-passports-held",
        "no",
        "Paspoorten blijven bij de werknemers zelf; gecontroleerd tijdens het bezoek in "
        "oktober 2026.",
    ),
    Entry(
        "briefing-saudi-gulf/heat-midday-ban",
        "yes",
        "Service work on site stops between 12:00 and 15:00 from June to mid-September.",
    ),
    Entry(
        "briefing-saudi-gulf/fl-debt-bondage",
        "partly",
        "Hangt samen met de wervingskosten hierboven; verificatie bij de werknemers loopt.",
        risk={"severity": 4, "likelihood": 2, "involvement": "linked"},
    ),
    Entry(
        "ifc-screening/proj-owner",
        "Riyadh Urban Transit Works (fictief), via de hoofdaannemer; wij leveren en "
        "onderhouden het hijs- en graafmaterieel.",
    ),
    Entry("ifc-screening/proj-value", 2_750_000),
    Entry(
        "ifc-screening/proj-high-risk", "yes", "Saoedi-Arabië: hoog risico op arbeidsuitbuiting."
    ),
    Entry("ifc-screening/ps2-applicable", "yes"),
    Entry(
        "ifc-screening/ps1-policy",
        "partly",
        "De opdrachtgever heeft een E&S-beleid, maar het geldt niet voor onderaannemers.",
    ),
    Entry(
        "ifc-screening/ps2-accommodation",
        "gap",
        "The accommodation of the subcontractor's crane operators has not been inspected; "
        "a site visit with an independent auditor is planned for March 2027.",
        risk={"severity": 3, "likelihood": 3, "involvement": "linked"},
        review=True,
    ),
)

GAP_NOTES = (
    "Nog niet geregeld; opgenomen in het actieplan.",
    "Partly in place: the procedure exists but does not yet cover subcontractors.",
    "Besproken met de distributeur in Riyad; schriftelijke bevestiging volgt.",
    "Not yet: we depend on the main contractor for this information.",
    "Wordt na de missie opgepakt met onze MVO-adviseur.",
)
NA_NOTES = (
    "Niet van toepassing: wij zetten zelf geen personeel in Saoedi-Arabië in.",
    "Not applicable: we only deliver equipment; installation is done by the buyer.",
)
GOOD_NOTES = (
    "",
    "",
    "Vastgelegd in ons kwaliteitshandboek (hoofdstuk 7).",
    "Checked during the distributor visit in October 2026.",
    "",
)
TEXTS = (
    "Zie de toelichting in het actieplan.",
    "Distributor in Riyadh (exclusive since 2019) and two local service subcontractors.",
    "Graafmachines en torenkranen; onderhoudscontracten van drie jaar.",
)

RED_FLAG_ACTIONS: tuple[dict[str, Any], ...] = (
    {"owner": "Sanne de Vries", "due": dt.date(2027, 1, 31), "status": "in_progress"},
    {"owner": "", "due": dt.date(2027, 3, 31), "budget": "EUR 6.000"},
    {"owner": "Sanne de Vries", "due": dt.date(2027, 2, 1), "deliverable": "Auditrapport"},
    {"owner": "", "due": None},
)
"""How the demo fills in the actions on red flags: none done yet, some without an owner."""

GAP_ACTIONS: tuple[dict[str, Any], ...] = (
    {
        "owner": "Joost Bakker",
        "due": dt.date(2026, 12, 15),
        "status": "done",
        "completion_evidence": "Afgerond; verslag staat in het projectdossier.",
    },
    {"owner": "Sanne de Vries", "due": dt.date(2027, 4, 30)},
    {"owner": "Joost Bakker", "due": dt.date(2026, 11, 1), "status": "done"},
    {"owner": "", "due": dt.date(2027, 5, 31)},
)
"""How the demo fills in the actions on other gaps: some complete, one without an owner."""


def evidence_files() -> dict[str, bytes]:
    """Return the demo's small evidence files by name."""
    return {
        "IMVO-beleid-2025.pdf": _tiny_pdf(
            "IMVO-beleid Hollandse Hijs- en Graaftechniek B.V. - vastgesteld 12 maart 2025"
        ),
        "Gedragscode-leveranciers-2026.txt": (
            b"Gedragscode voor leveranciers en distributeurs (2026)\n\n"
            b"1. Geen wervingskosten voor werknemers (Employer Pays Principle).\n"
            b"2. Werknemers houden hun eigen paspoort.\n"
            b"3. Lonen worden volledig en op tijd betaald.\n"
        ),
        "risicoregister-SA.csv": (
            b"risico;ernst;kans;betrokkenheid;maatregel\n"
            b"wervingskosten arbeidsmigranten;4;3;linked;afspraken en verificatie\n"
            b"hittestress bij onderhoud;3;3;contribute;werktijden aanpassen\n"
            b"huisvesting onderaannemer;3;3;linked;inspectie maart 2027\n"
        ),
    }


def _tiny_pdf(text: str) -> bytes:
    """Return a one-page PDF showing `text` (ASCII), with a correct cross-reference table."""
    stream = f"BT /F1 12 Tf 72 760 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)
