"""The user's own data (notes, favourites, sets, study progress) in one local SQLite file. No Qt."""

from tpi_viewer.store.location import data_dir, store_path
from tpi_viewer.store.rows import (
    Favourite,
    MuscleSet,
    Note,
    Review,
    StoreError,
    StudyCard,
    TransferError,
)
from tpi_viewer.store.store import Store

__all__ = [
    "Favourite", "MuscleSet", "Note", "Review", "Store", "StoreError", "StudyCard", "TransferError",
    "data_dir", "store_path",
]
