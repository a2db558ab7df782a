"""The mission overview's long column titles take two lines, so more figures fit a laptop screen."""

from __future__ import annotations

from ddcheck.ui.models.mission_overview import two_lines


def test_a_long_title_breaks_at_its_most_even_space() -> None:
    assert two_lines("Open acties (hoog)") == "Open acties\n(hoog)"
    assert two_lines("Acties binnen 14 dagen") == "Acties binnen\n14 dagen"
    assert two_lines("Voortgang") == "Voortgang"
    assert two_lines("Geëxporteerd") == "Geëxporteerd"  # one word stays one line
