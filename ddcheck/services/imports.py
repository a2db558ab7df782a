"""One entry point for every file that enters the workspace: PDF, bundle or review file."""

from __future__ import annotations

from pathlib import Path

from ddcheck.domain.vocabulary import catalog_entry
from ddcheck.services.authoring import AuthoringOps
from ddcheck.services.bundles import BundleOps
from ddcheck.services.overview import OverviewOps
from ddcheck.services.received import refused, sniff
from ddcheck.services.received_model import ImportResult
from ddcheck.services.review import ReviewOps
from ddcheck.services.roundtrip import RoundTripOps


class ExchangeOps(AuthoringOps, OverviewOps, ReviewOps, BundleOps, RoundTripOps):
    """Receive, review and send back; move dossiers between laptops; import templates."""

    def import_file(
        self, path: Path | str, *, as_own: bool = False, accept_internal: bool = False
    ) -> ImportResult:
        """Import a ddcheck PDF, `.ddcheck` bundle or `.ddreview` file; all or nothing.

        PDFs and bundles become received dossiers (or, with `as_own`, a bundle becomes one of the
        user's own dossiers); a review file is loaded into the dossier it reviews. Raise
        ImportRefused, with one plain sentence, when the file cannot be used; a company's internal
        version (with its confidential answers) is refused as received (InternalVersionRefused)
        unless `accept_internal`.
        """
        source = Path(path)
        if source.is_dir():
            raise refused(source, catalog_entry("error", "it is a folder"))
        if not source.is_file():
            raise refused(source, catalog_entry("error", "there is no such file"))
        if source.suffix.lower() == ".ddmission":
            raise refused(
                source,
                catalog_entry(
                    "error",
                    "it is a mission pack; import it with 'ddcheck import' or open it in the app",
                ),
            )
        kind = sniff(source)
        if as_own and kind != "bundle":
            raise refused(
                source,
                catalog_entry("error", "only a .ddcheck bundle can be restored as an own dossier"),
            )
        if kind == "pdf":
            return self.import_received_pdf(source, accept_internal=accept_internal)
        if kind == "bundle":
            return self.import_bundle(source, as_own=as_own, accept_internal=accept_internal)
        if kind == "review":
            return self.import_review_file(source)[0]
        raise refused(
            source,
            catalog_entry("error", "it is not a ddcheck PDF, .ddcheck bundle or .ddreview file"),
        )
