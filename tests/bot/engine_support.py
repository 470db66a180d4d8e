"""The engine's test support, now tests/helpers/engine.py: kept for the modules that still
import it from here."""

from tests.helpers.engine import (
    ANSWERS,
    MEASURES_FILE,
    FakeAnswerer,
    button_labels,
    button_values,
    db,
    engine,
    fake_answerer,
    fill_form,
    press,
    shared_db,
    shared_engine,
    submit,
    texts,
    user,
)

__all__ = [
    "ANSWERS",
    "MEASURES_FILE",
    "FakeAnswerer",
    "button_labels",
    "button_values",
    "db",
    "engine",
    "fake_answerer",
    "fill_form",
    "press",
    "shared_db",
    "shared_engine",
    "submit",
    "texts",
    "user",
]
