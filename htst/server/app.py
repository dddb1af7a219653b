from __future__ import annotations


def blueprint(*args, **kwargs):
    raise NotImplementedError


def create_app(*args, **kwargs):
    raise NotImplementedError
