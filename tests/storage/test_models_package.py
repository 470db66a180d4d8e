"""storage.models is a package of one module per domain: every model is registered on
`Base.metadata` by importing the package and can be imported from `storage.models` itself."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import storage.models
from storage.models import Base


def _model_modules() -> list[str]:
    return [m.name for m in pkgutil.iter_modules(storage.models.__path__) if m.name != "base"]


def test_every_mapped_class_is_exported_from_the_package() -> None:
    mapped = {mapper.class_.__name__ for mapper in Base.registry.mappers}
    assert mapped, "no model registered"
    assert mapped == set(storage.models.__all__) - {"Base"}
    assert all(getattr(storage.models, name).__module__ != "storage.models" for name in mapped)


@pytest.mark.parametrize("module", _model_modules())
def test_each_domain_module_is_imported_by_the_package(module: str) -> None:
    """A model module the package forgot would leave its tables out of Alembic's metadata."""
    loaded = importlib.import_module(f"storage.models.{module}")
    own = [
        value
        for value in vars(loaded).values()
        if isinstance(value, type)
        and issubclass(value, Base)
        and value.__module__ == loaded.__name__
    ]
    assert own, f"storage.models.{module} defines no model"
    for model in own:
        assert getattr(storage.models, model.__name__) is model
        assert model.__table__ is Base.metadata.tables[model.__tablename__]
