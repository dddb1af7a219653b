"""Rendering: node tree -> HTML (one Jinja template per element), and the diff sent on reruns."""
