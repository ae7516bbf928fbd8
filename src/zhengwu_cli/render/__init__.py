"""The publishers: Word task sheets, one per unit or the whole 附件 table (`write.write_sheets`),
and the annual-report insert (`report.report`, a publisher per format: docx, md, text).

The library never exits or prints: it returns bytes or what it wrote, and raises RenderError (a
message that says what is wrong, where, and what to do) for the CLI to show.
"""

from __future__ import annotations


class RenderError(Exception):
    """A sheet that cannot be written as asked: a bad template, an existing file, a bad path."""
