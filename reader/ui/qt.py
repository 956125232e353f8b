"""The one place that imports Qt; every other ui module imports Qt from here."""

from PySide6 import QtCore, QtGui, QtWidgets

__all__ = ["QtCore", "QtGui", "QtWidgets"]
