"""Figures and handouts drawn with Qt's painters."""
