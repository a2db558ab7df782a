"""The report's own words in Dutch and English (Qt-free)."""

from __future__ import annotations

import datetime as dt

from ddcheck.domain.formatting import format_partial_date
from ddcheck.domain.sources import DatePrecision
from ddcheck.domain.text import Language

_LABELS: dict[str, tuple[str, str]] = {
    # cover and page furniture
    "report_title": ("IMVO due-diligencedossier", "IMVO due diligence dossier"),
    "company": ("Bedrijf", "Company"),
    "kvk": ("KvK-nummer", "Chamber of Commerce no."),
    "sector": ("Sector", "Sector"),
    "size": ("Omvang", "Size"),
    "contact": ("Contactpersoon", "Contact"),
    "mission": ("Missie", "Mission"),
    "destinations": ("Bestemmingen", "Destinations"),
    "dates": ("Data", "Dates"),
    "organiser": ("Organisator", "Organiser"),
    "activities": ("Activiteiten", "Activities"),
    "eci": ("Exportkredietverzekering (ekv)", "Export credit insurance"),
    "eci_yes": ("aangevraagd", "applied for"),
    "eci_no": ("niet aangevraagd", "not applied for"),
    "checklists": ("Checklists", "Checklists"),
    "version": ("versie", "version"),
    "generated_on": ("Gemaakt op", "Generated on"),
    "app_version": ("ddcheck-versie", "ddcheck version"),
    "fingerprint": (
        "Vingerafdruk van de ingesloten gegevens (SHA-256)",
        "Fingerprint of the embedded data (SHA-256)",
    ),
    "fingerprint_note": (
        "Dit PDF-bestand bevat het dossier ook als JSON-bijlage. Controleer met "
        "‘ddcheck verify’ dat rapport en gegevens bij elkaar horen.",
        "This PDF also carries the dossier as an attached JSON file. Run ‘ddcheck verify’ to "
        "check that the report and its data match.",
    ),
    "fingerprint_short": ("Vingerafdruk", "Fingerprint"),
    "fingerprint_see_about": (
        "Wat deze vingerafdruk bewijst en hoe u hem controleert: zie ‘Over dit document’ "
        "achteraan.",
        "What this fingerprint proves and how to check it: see ‘About this document’ at the end.",
    ),
    "draft_mark": ("CONCEPT — ONVOLLEDIG", "DRAFT — INCOMPLETE"),
    "answered_of": (
        "{answered} van {applicable} vragen beantwoord",
        "{answered} of {applicable} questions answered",
    ),
    "status_draft": ("Concept — onvolledig: {reasons}.", "Draft — incomplete: {reasons}."),
    "status_not_ready": (
        "Nog niet klaar voor beoordeling: {reasons}.",
        "Not ready for review: {reasons}.",
    ),
    "status_attention": (
        "Klaar voor beoordeling, met aandachtspunten: {reasons}.",
        "Ready for review, with points of attention: {reasons}.",
    ),
    "status_ready": (
        "Klaar voor beoordeling: alle verplichte vragen beantwoord en elke rode vlag heeft een "
        "actie.",
        "Ready for review: every required question is answered and every red flag has an action.",
    ),
    "tile_answered": (
        "beantwoord: {answered} van {applicable} vragen",
        "answered: {answered} of {applicable} questions",
    ),
    "tile_red_flags": ("rode vlaggen, {open} zonder actie", "red flags, {open} without an action"),
    "tile_open_high": (
        "open acties met hoge prioriteit (daarnaast {others})",
        "open high-priority actions (besides {others})",
    ),
    "tile_no_owner": (
        "open acties zonder eigenaar; {due} zonder einddatum",
        "open actions without an owner; {due} without a due date",
    ),
    "worst_flag": ("Ernstigste rode vlag", "Most serious red flag"),
    "unknown_checklist": ("onbekende checklist", "unknown checklist"),
    "about": ("Over dit document", "About this document"),
    "about_data": (
        "Dit PDF-bestand bevat het dossier ook als machineleesbare JSON-bijlage "
        "(ddcheck-dossier.json). De vingerafdruk hieronder is de SHA-256 van die bijlage; hij "
        "staat ook op pagina 1 en in de documenteigenschappen.",
        "This PDF also carries the dossier as a machine-readable JSON attachment "
        "(ddcheck-dossier.json). The fingerprint below is the SHA-256 of that attachment; it is "
        "also on page 1 and in the document properties.",
    ),
    "about_verify": (
        "Controleer met ‘ddcheck verify’ dat de pagina’s, de vingerafdruk en de bijlage bij "
        "elkaar horen. Een adviseur kan het bestand in ddcheck importeren en het dossier daar "
        "lezen en beoordelen.",
        "Run ‘ddcheck verify’ to check that the pages, the fingerprint and the attachment "
        "belong together. An adviser can import the file into ddcheck and read and review the "
        "dossier there.",
    ),
    "about_withheld": (
        "Vragen die het bedrijf als vertrouwelijk markeerde, staan niet in deze versie, ook niet "
        "in de bijlage; ze zijn alleen als achtergehouden genoemd.",
        "Questions the company marked confidential are not in this version, nor in the "
        "attachment; they are only listed as withheld.",
    ),
    "about_draft": (
        "Minder dan de helft van de vragen is beantwoord: dit rapport is als concept gemarkeerd.",
        "Fewer than half of the questions are answered: this report is marked as a draft.",
    ),
    "audience": ("Versie", "Version"),
    "audience_adviser": ("voor de RVO-adviseur", "for the RVO adviser"),
    "cover_withheld": (
        "{questions} achtergehouden (zie het overzicht in de samenvatting)",
        "{questions} withheld (see the redaction summary)",
    ),
    "audience_internal": ("intern — volledig", "internal — complete"),
    "page_of": ("Pagina {n} van ", "Page {n} of "),
    "label_adviser": ("Vertrouwelijk — voor de RVO-adviseur", "Confidential — for the RVO adviser"),
    "label_internal": (
        "INTERN — bevat vertrouwelijke onderdelen",
        "INTERNAL — contains confidential items",
    ),
    "subject": (
        "IMVO-due diligence voor een handelsmissie",
        "IMVO due diligence for a trade mission",
    ),
    # summary
    "summary": ("Samenvatting", "Summary"),
    "completion": ("Volledigheid per checklist", "Completion per checklist"),
    "answered": ("Beantwoord", "Answered"),
    "applicable": ("Van toepassing", "Applicable"),
    "withheld_col": ("Achtergehouden", "Withheld"),
    "overall": ("Totaal", "Overall"),
    "score_oecd": ("Score per OESO-stap", "Score per OECD step"),
    "score_ifc": ("Score per IFC Performance Standard", "Score per IFC Performance Standard"),
    "score_note": (
        "Gemiddelde score van de beantwoorde vragen (0–100 %); ‘n.v.t.’ telt niet mee.",
        "Average score of the answered questions (0–100 %); ‘not applicable’ is not counted.",
    ),
    "no_scores": ("Nog geen scores.", "No scores yet."),
    "heatmap": ("Risico’s: ernst × waarschijnlijkheid", "Risks: severity × likelihood"),
    "heatmap_note": (
        "Aantal beoordeelde vragen per cel. Donkerder is ernstiger.",
        "Number of rated questions per cell. Darker means more serious.",
    ),
    "severity": ("Ernst", "Severity"),
    "involvement": ("Betrokkenheid van het bedrijf", "How the company is involved"),
    "likelihood": ("Waarschijnlijkheid", "Likelihood"),
    "red_flags": ("Rode vlaggen", "Red flags"),
    "no_red_flags": ("Geen rode vlaggen.", "No red flags."),
    "open_high": ("Open acties met hoge prioriteit", "Open high-priority actions"),
    "no_open_high": ("Geen open acties met hoge prioriteit.", "No open high-priority actions."),
    "gate": ("Aandachtspunten bij export", "Export check findings"),
    "gate_none": ("Geen aandachtspunten.", "No findings."),
    "gate_counts": (
        "{block} blokkerend, {unanswered} verplichte vragen open, {actions} acties onvolledig.",
        "{block} blocking, {unanswered} required questions open, {actions} actions incomplete.",
    ),
    "gate_unanswered_note": (
        "in het deel met de antwoorden gemarkeerd als NIET BEANTWOORD.",
        "marked NOT ANSWERED in the answers part.",
    ),
    "kind_red_flag_without_action": ("Rode vlag zonder actie", "Red flag without an action"),
    "kind_justification_missing": ("Toelichting ontbreekt", "Justification missing"),
    "kind_unanswered_required": (
        "Verplichte vragen nog niet beantwoord",
        "Required questions not answered yet",
    ),
    "kind_action_incomplete": (
        "Open acties zonder eigenaar of einddatum",
        "Open actions without an owner or a due date",
    ),
    "no_owner": ("geen eigenaar", "no owner"),
    "no_due": ("geen einddatum", "no due date"),
    "and_more_esap": (
        "… en nog {count} (zie het actieplan)",
        "… and {count} more (see the action plan)",
    ),
    "valid_until": ("geldig tot", "valid until"),
    "gate_unanswered": (
        "Verplichte vragen nog niet beantwoord: {count} (hieronder gemarkeerd als "
        "NIET BEANTWOORD).",
        "Required questions not answered yet: {count} (marked NOT ANSWERED below).",
    ),
    "and_more": ("… en nog {count}", "… and {count} more"),
    "gate_block": ("blokkerend", "blocking"),
    "gate_warn": ("let op", "warning"),
    # items
    "answers": ("Antwoorden per checklist", "Answers per checklist"),
    "answer": ("Antwoord", "Answer"),
    "unanswered": ("NIET BEANTWOORD", "NOT ANSWERED"),
    "note": ("Toelichting", "Note"),
    "risk": ("Risico", "Risk"),
    "evidence": ("Bewijs", "Evidence"),
    "actions": ("Acties", "Actions"),
    "review": ("Beoordeling", "Review"),
    "withheld": ("Achtergehouden door het bedrijf", "Withheld by the company"),
    "confidential": ("VERTROUWELIJK", "CONFIDENTIAL"),
    "marked_review": ("ter bespreking gemarkeerd", "marked for discussion"),
    "reconfirm": (
        "opnieuw bevestigen: de vraag is gewijzigd",
        "to be reconfirmed: the question changed",
    ),
    "red_flag": ("RODE VLAG", "RED FLAG"),
    "gap": ("tekortkoming", "gap"),
    "sources_ref": ("Bron", "Source"),
    # redaction
    "redaction": ("Overzicht van achtergehouden onderdelen", "Redaction summary"),
    "redaction_intro": (
        "Het bedrijf heeft vragen als vertrouwelijk gemarkeerd. Hun antwoord, toelichting en "
        "risico staan niet in deze versie, en evenmin de vragen die alleen gelden afhankelijk "
        "van zo'n antwoord (welk antwoord ook gegeven is), en geen enkel bewijsstuk of actie "
        "die aan een van deze vragen gekoppeld is.",
        "The company marked questions confidential. Their answer, note and risk are not in this "
        "version, nor are the questions that only apply depending on such an answer (whatever "
        "the answer was), nor any evidence file or action linked to any of these questions.",
    ),
    "redaction_counts": (
        "Achtergehouden: {items}.",
        "Withheld: {items}.",
    ),
    "redaction_dependent": (
        "volgt uit een achtergehouden antwoord",
        "follows from a withheld answer",
    ),
    "internal_banner": (
        "Interne versie: bevat ook de als vertrouwelijk gemarkeerde onderdelen. Niet delen.",
        "Internal version: includes the items marked confidential. Do not share.",
    ),
    # action plan
    "esap": ("Actieplan (ESAP)", "Action plan (ESAP)"),
    "esap_none": ("Er zijn geen acties.", "There are no actions."),
    "col_no": ("Nr.", "No."),
    "col_action": ("Actie", "Action to take"),
    "col_item": ("Komt voort uit vraag", "From question"),
    "esap_intro": (
        "Gesorteerd op prioriteit, daarna op einddatum. De vraag en het antwoord waar een actie "
        "uit voortkomt, staan in de derde kolom.",
        "Sorted by priority, then by due date. The third column names the question and answer "
        "an action comes from.",
    ),
    "unknown_item": (
        "vraag niet in deze checklistversie",
        "question not in this checklist version",
    ),
    "col_standard": ("Norm", "Standard"),
    "col_deliverable": ("Resultaat", "Deliverable"),
    "col_owner": ("Eigenaar", "Owner"),
    "col_due": ("Gereed", "Due"),
    "col_priority": ("Prio", "Prio"),
    "col_status": ("Status", "Status"),
    "budget": ("Budget", "Budget"),
    "completion_evidence": ("Bewijs van afronding", "Evidence of completion"),
    "progress_note": ("Voortgang", "Progress"),
    "agreed": ("afgesproken met de adviseur", "agreed with the adviser"),
    "gap_note": ("Tekortkoming", "Gap"),
    "overdue": ("verlopen", "overdue"),
    # evidence register
    "register": ("Bewijsregister", "Evidence register"),
    "register_none": ("Er zijn geen bewijsstukken.", "There is no evidence."),
    "register_intro": (
        "Een kopie zit in het dossier, met haar grootte en SHA-256-vingerafdruk. Een link of pad "
        "wijst naar een document dat het bedrijf zelf bewaart: ddcheck heeft het niet gekopieerd "
        "en niet geopend. Rood gemarkeerd: niet meer geldig op de missiedatum.",
        "A copy is kept in the dossier, with its size and SHA-256 fingerprint. A link or path "
        "points to a document the company keeps itself: ddcheck has neither copied nor opened "
        "it. Marked in red: no longer valid on the mission date.",
    ),
    "col_name": ("Naam", "Name"),
    "col_kept": ("Kopie of vindplaats", "Copy or location"),
    "col_dated": ("Datum document", "Document date"),
    "col_valid_until": ("Geldig tot", "Valid until"),
    "col_supports": ("Onderbouwt de vragen", "Supports the questions"),
    "kept_copy": ("Kopie in het dossier, {size}", "Copy in the dossier, {size}"),
    "kept_link": ("Link of pad (niet gekopieerd):", "Link or path (not copied):"),
    "expired_by_mission": (
        "verlopen vóór de missiedatum {day}",
        "expired by the mission date {day}",
    ),
    "link_short": (
        "link of pad, zie het bewijsregister",
        "link or path, see the evidence register",
    ),
    "supports_none": ("aan geen vraag gekoppeld", "linked to no question"),
    # sources and glossary
    "sources": ("Bronnen", "Sources"),
    "sources_intro": (
        "De brieven en kaders waarnaar de vragen in dit dossier verwijzen, met de verwachtingen "
        "uit de brieven. Bij elke vraag staat het nummer van de bron tussen haken, zoals [1].",
        "The letters and frameworks the questions in this dossier refer to, with the letters’ "
        "expectations. Each question cites a source by its number in brackets, such as [1].",
    ),
    "expectations": ("Verwachtingen", "Expectations"),
    "advice": ("Advies (ddcheck, niet de brief)", "Advice (ddcheck, not the letter)"),
    "adviser_note": ("Voor de adviseur", "For the adviser"),
    "briefing_sources": ("Bronnen van de landenbriefings", "Sources of the country briefings"),
    "sources_unknown": ("Niet in het bronnenregister", "Not in the source register"),
    "glossary": ("Begrippen", "Glossary"),
    "reviews": ("Beoordelingen door de adviseur", "Adviser reviews"),
    "verdict": ("Oordeel", "Verdict"),
}

_VALUES: dict[str, dict[str, tuple[str, str]]] = {
    "priority": {"high": ("hoog", "high"), "medium": ("midden", "medium"), "low": ("laag", "low")},
    "status": {
        "open": ("open", "open"),
        "in_progress": ("bezig", "in progress"),
        "done": ("gereed", "done"),
        "dropped": ("vervallen", "dropped"),
    },
    "involvement": {
        "cause": ("veroorzaakt", "causes"),
        "contribute": ("draagt bij", "contributes"),
        "linked": ("direct verbonden", "directly linked"),
    },
    "size": {
        "micro": ("micro", "micro"),
        "small": ("klein", "small"),
        "medium": ("middelgroot", "medium-sized"),
        "large": ("groot", "large"),
    },
    "activity": {
        "export": ("export", "export"),
        "import_sourcing": ("import / inkoop", "import / sourcing"),
        "investment": ("investering", "investment"),
        "project": ("bouw- of infrastructuurproject", "construction or infrastructure project"),
        "services": ("diensten", "services"),
    },
    "assessment": {
        "accepted": ("akkoord", "accepted"),
        "question": ("vraag", "question"),
        "insufficient": ("onvoldoende", "insufficient"),
    },
    "verdict": {  # the app's words (ui/models/mission_overview.py), identical everywhere
        "sufficient": ("Voldoende", "Sufficient"),
        "sufficient_with_actions": (
            "Voldoende met verbeterafspraken",
            "Sufficient with agreed actions",
        ),
        "insufficient": ("Onvoldoende", "Not sufficient"),
    },
    "level": {
        "1": ("laag", "low"),
        "2": ("middel", "moderate"),
        "3": ("hoog", "high"),
        "4": ("zeer hoog", "very high"),
    },
}

_NOUNS: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    # noun: ((Dutch singular, plural), (English singular, plural))
    "question": (("vraag", "vragen"), ("question", "questions")),
    "evidence": (("bewijsstuk", "bewijsstukken"), ("evidence file", "evidence files")),
    "action": (("actie", "acties"), ("action", "actions")),
    "withheld_question": (
        ("vraag achtergehouden", "vragen achtergehouden"),
        ("question withheld", "questions withheld"),
    ),
    "checklist": (("checklist", "checklists"), ("checklist", "checklists")),
    "required_open": (
        ("verplichte vraag onbeantwoord", "verplichte vragen onbeantwoord"),
        ("required question unanswered", "required questions unanswered"),
    ),
    "red_flag_open": (
        ("rode vlag zonder actie", "rode vlaggen zonder actie"),
        ("red flag without an action", "red flags without an action"),
    ),
    "open_high": (
        ("open actie met hoge prioriteit", "open acties met hoge prioriteit"),
        ("open high-priority action", "open high-priority actions"),
    ),
    "no_owner": (
        ("open actie zonder eigenaar", "open acties zonder eigenaar"),
        ("open action without an owner", "open actions without an owner"),
    ),
    "no_due": (
        ("open actie zonder einddatum", "open acties zonder einddatum"),
        ("open action without a due date", "open actions without a due date"),
    ),
}

OECD_STEPS: dict[str, tuple[str, str]] = {
    "1": ("1 Verankeren in beleid", "1 Embed RBC in policy"),
    "2": ("2 Risico’s identificeren", "2 Identify impacts"),
    "3": ("3 Stoppen en voorkomen", "3 Cease and prevent"),
    "4": ("4 Monitoren", "4 Track"),
    "5": ("5 Communiceren", "5 Communicate"),
    "6": ("6 Herstel", "6 Remediate"),
    "7": ("7 Overig", "7 Other"),
}


def label(key: str, lang: Language, **fields: object) -> str:
    """Return the report label `key` in `lang`, with `{fields}` filled in."""
    nl, en = _LABELS[key]
    text = nl if lang == "nl" else en
    return text.format(**fields) if fields else text


def value_label(kind: str, value: str | None, lang: Language) -> str:
    """Return a coded value (priority, status, involvement, ...) in words."""
    if value is None:
        return ""
    pair = _VALUES[kind].get(str(value))
    if pair is None:
        return str(value)
    return pair[0] if lang == "nl" else pair[1]


def oecd_step_label(step: str, lang: Language) -> str:
    """Return an OECD step number with its short name."""
    pair = OECD_STEPS.get(step)
    if pair is None:
        return step
    return pair[0] if lang == "nl" else pair[1]


def partial_date(value: dt.date, precision: DatePrecision, lang: Language) -> str:
    """Return a date with only its known part: "01-06-2022", "juni 2022" or "2022"."""
    return format_partial_date(value, precision, lang)


def noun(name: str, count: int, lang: Language) -> str:
    """Return a noun in the number that goes with `count`: "vraag" for 1, "vragen" otherwise."""
    nl, en = _NOUNS[name]
    one, many = nl if lang == "nl" else en
    return one if count == 1 else many


def counted(name: str, count: int, lang: Language) -> str:
    """Return a count with its noun in the right number: "1 vraag", "2 vragen"."""
    return f"{count} {noun(name, count, lang)}"
