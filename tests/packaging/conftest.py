"""Packaging tests render the icon with Qt: never without a platform (Qt would abort)."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
