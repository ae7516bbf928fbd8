"""Word task sheets: one per unit (`render_unit`) or the whole 附件 table (`render_full`).

The library never exits or prints: it returns bytes and notes, and raises RenderError (a message
that says what is wrong, where, and what to do) for the CLI to show.
"""

from __future__ import annotations


class RenderError(Exception):
    """A sheet that cannot be written as asked: a bad template, an existing file, a bad path."""
