"""Pure-Python domain model: data classes, loading, validation, queries, geometry. No Qt."""

from tpi_viewer.model.catalog import Catalog
from tpi_viewer.model.errors import DataError, Problem
from tpi_viewer.model.loading import load_catalog
from tpi_viewer.model.types import Muscle, Zone

__all__ = ["Catalog", "DataError", "Muscle", "Problem", "Zone", "load_catalog"]
