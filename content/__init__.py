"""Editor-maintained content: answers, menu, contacts (YAML under this folder)."""
