"""Natural-language understanding: the Rasa client, language detection, normalisation."""

LANGUAGES: tuple[str, ...] = (
    "ru",
    "en",
    "uz",
    "tg",
    "tk",
    "ky",
    "az",
    "zh",
    "ar",
    "fa",
    "ku",
    "uk",
)
