"""Template versions: add workspace templates, and carry answers over to newer versions."""

from __future__ import annotations

from ddcheck.domain.dossier import Answer, TemplateUse
from ddcheck.domain.templates import Template
from ddcheck.services.base import WorkspaceBase
from ddcheck.services.catalogs import merged_templates, signature
from ddcheck.services.changes import Change, Changes
from ddcheck.store import answers as answer_rows
from ddcheck.store import dossiers as dossier_rows
from ddcheck.store import meta
from ddcheck.store import templates as template_rows

SIGNATURE_KEY = "template_signature"


class TemplateOps(WorkspaceBase):
    """Keep dossiers on the newest template versions without ever dropping an answer."""

    def add_template(self, template: Template) -> list[Changes]:
        """Keep a template in the workspace (imported or synthetic) and upgrade dossiers to it."""
        with self._transaction():
            template_rows.save_template(self._store.conn, template, self._now())
        current = self._templates.get(template.id)
        if current is None or template.version >= current.version:
            self._templates[template.id] = template
        return self.upgrade_templates()

    def _reload_templates(self) -> list[Changes]:
        """Read the workspace's own templates again, merge them, and upgrade dossiers."""
        own = template_rows.load_templates(self._store.conn)
        self._templates = merged_templates(self._catalog, own)
        self._fingerprints.clear()
        return self._sync_templates_on_open()

    def _sync_templates_on_open(self) -> list[Changes]:
        """Upgrade dossiers when the available template versions differ from last time."""
        current = signature(self._templates)
        if meta.get(self._store.conn, SIGNATURE_KEY) == current:
            return []
        result = self.upgrade_templates()
        with self._transaction():
            dossier_rows.clear_all_stats(self._store.conn)
            meta.put(self._store.conn, SIGNATURE_KEY, current)
        return result

    def upgrade_templates(self, back_to: str | None = None) -> list[Changes]:
        """Move every dossier to the newest template versions; return what changed per dossier.

        With `back_to` (a template id), dossiers on any other version of that template move to
        the version now available, also an older one (putting a built-in checklist back).
        """
        result = []
        for row in dossier_rows.list_rows(self._store.conn, include_trashed=True):
            changes = self._upgrade_dossier(row.id, back_to)
            if changes:
                result.append(changes)
        return result

    def _upgrade_dossier(self, dossier_id: str, back_to: str | None = None) -> Changes:
        conn = self._store.conn
        with self._transaction():
            uses = dossier_rows.templates_of(conn, dossier_id)
            newer = [
                u
                for u in uses
                if u.id in self._templates
                and (
                    self._templates[u.id].version > u.version
                    or (u.id == back_to and self._templates[u.id].version != u.version)
                )
            ]
            if not newer:
                return Changes(dossier_id)
            answers = answer_rows.load_answers(conn, dossier_id)
            changes: list[Change] = []
            for use in newer:
                template = self._templates[use.id]
                changes.append(Change("template", use.id, "version", use.version, template.version))
                stale = [
                    a for a in answers if a.template_id == use.id and self._is_stale(template, a)
                ]
                answer_rows.mark_reconfirmation(
                    conn, dossier_id, [(a.template_id, a.item_id) for a in stale]
                )
                changes += [
                    Change("answer", a.key, "needs_reconfirmation", False, True) for a in stale
                ]
            dossier_rows.set_templates(
                conn,
                dossier_id,
                [
                    TemplateUse(id=u.id, version=self._templates[u.id].version) if u in newer else u
                    for u in uses
                ],
            )
            return self._commit_changes(dossier_id, changes)

    def _is_stale(self, template: Template, answer: Answer) -> bool:
        """Return whether an answer must be confirmed again against a new template version."""
        if answer.needs_reconfirmation or not (answer.is_answered or answer.note):
            return False
        item = template.item(answer.item_id)
        if item is None:
            return True
        return answer.item_fingerprint != self._fingerprint(template, item)
