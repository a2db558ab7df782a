"""What leaves or enters the laptop: the dossier JSON and reading it back from a PDF."""
