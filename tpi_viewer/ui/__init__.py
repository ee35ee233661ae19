"""Qt user interface. Import PySide6 before pyqtgraph so pyqtgraph binds to it."""
