"""The annotation store: one SQLite file holding documents and their annotations.

No Qt here: the window, the CLI and the tests use the same functions.
"""

from reader.store.anchoring import Placement, Quote, locate, reanchor
from reader.store.annotation_edit import AnnotationEdit
from reader.store.annotation_set import AnnotationChange, AnnotationListener, AnnotationSet
from reader.store.annotations import (
    Annotation,
    Annotations,
    StaleAnnotation,
    edited,
    filter_annotations,
    new_annotation,
    reattached,
)
from reader.store.colours import COLOURS, DEFAULT_NAMES, HIGHLIGHT_RGB, ColourNames
from reader.store.database import (
    BUSY_TIMEOUT_SECONDS,
    SCHEMA_VERSION,
    CorruptStoreError,
    Database,
    ForeignStoreError,
    NewerSchemaError,
    StoreBusyError,
    StoreError,
)
from reader.store.documents import DocumentRecord, Documents
from reader.store.exchange import FORMATS, ImportReport, export_annotations, import_annotations
from reader.store.import_file import (
    MAX_IMPORT_BYTES,
    MAX_IMPORT_ITEMS,
    MAX_JSON_DEPTH,
    ExchangeError,
    read_import_file,
)
from reader.store.library import Library, LibraryEntry
from reader.store.location import DATA_DIR_VARIABLE, STORE_FILE, resolve_data_dir
from reader.store.pending_changes import PendingChanges, StackMove
from reader.store.saved_words import SavedWord, SavedWords, StaleSavedWord, saved_edit
from reader.store.store import AnchorReport, OpenedDocument, Store, open_store
from reader.store.word_status import Status, WordStatus, WordStatuses

__all__ = [
    "BUSY_TIMEOUT_SECONDS",
    "COLOURS",
    "DATA_DIR_VARIABLE",
    "DEFAULT_NAMES",
    "FORMATS",
    "HIGHLIGHT_RGB",
    "MAX_IMPORT_BYTES",
    "MAX_IMPORT_ITEMS",
    "MAX_JSON_DEPTH",
    "SCHEMA_VERSION",
    "STORE_FILE",
    "AnchorReport",
    "Annotation",
    "AnnotationChange",
    "AnnotationEdit",
    "AnnotationListener",
    "AnnotationSet",
    "Annotations",
    "ColourNames",
    "CorruptStoreError",
    "Database",
    "DocumentRecord",
    "Documents",
    "ExchangeError",
    "ForeignStoreError",
    "ImportReport",
    "Library",
    "LibraryEntry",
    "NewerSchemaError",
    "OpenedDocument",
    "PendingChanges",
    "Placement",
    "Quote",
    "SavedWord",
    "SavedWords",
    "StackMove",
    "StaleAnnotation",
    "StaleSavedWord",
    "Status",
    "Store",
    "StoreBusyError",
    "StoreError",
    "WordStatus",
    "WordStatuses",
    "edited",
    "export_annotations",
    "filter_annotations",
    "import_annotations",
    "locate",
    "new_annotation",
    "open_store",
    "read_import_file",
    "reanchor",
    "reattached",
    "resolve_data_dir",
    "saved_edit",
]
