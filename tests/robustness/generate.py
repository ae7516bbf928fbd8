"""Write the corpus files too big to commit: built at test time, each named for what it is."""

from __future__ import annotations

from pathlib import Path

HEADER = "schema_version: 1\n"


def deep_flow(path: Path, depth: int = 5000) -> Path:
    """`goals:` followed by `depth` nested flow sequences: [[[[…]]]]."""
    path.write_text(f"{HEADER}goals: {'[' * depth}{']' * depth}\n", encoding="utf-8")
    return path


def deep_block(path: Path, depth: int = 5000) -> Path:
    """`depth` nested block mappings, each indented one step further."""
    lines = [HEADER.rstrip("\n")] + [f"{'  ' * i}k{i}:" for i in range(depth)]
    path.write_text("\n".join(lines) + f"\n{'  ' * depth}end\n", encoding="utf-8")
    return path


def big_string(path: Path, megabytes: int = 20) -> Path:
    """A checklist whose meta.title is one string of `megabytes` MB."""
    title = "政" * (megabytes * 1024 * 1024 // 3)  # three UTF-8 bytes each
    path.write_text(f"{HEADER}meta:\n  title: {title}\ngoals: []\n", encoding="utf-8")
    return path


def huge_sparse(path: Path, megabytes: int = 100) -> Path:
    """A file larger than any checklist, made sparse so it costs no disk: all zero bytes."""
    with path.open("wb") as out:
        out.truncate(megabytes * 1024 * 1024)
    return path


def huge_integer(path: Path, digits: int = 5000) -> Path:
    """meta.year written with more digits than Python turns into an int by default."""
    path.write_text(f"{HEADER}meta:\n  year: {'9' * digits}\n", encoding="utf-8")
    return path


GENERATED = {
    "huge-integer.yaml": huge_integer,
    "deep-5000.yaml": deep_flow,
    "deep-block-5000.yaml": deep_block,
    "string-20mb.yaml": big_string,
    "huge-100mb.yaml": huge_sparse,
}
