"""Time `zhengwu render --all` (a whole process) against a straightforward python-docx renderer.

Run: `python benchmarks/render_all.py` from the repository root. Prints wall-clock seconds for
  - zhengwu: `zhengwu render --all --force -o <tmp>` as a subprocess (imports, load, 23 sheets);
  - naive: the same sheets built the usual python-docx way (Document(template) per sheet,
    add_table, cells filled through row.cells, save), in-process after the imports.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def zhengwu(out: Path) -> float:
    exe = shutil.which("zhengwu") or str(Path(sys.executable).parent / "zhengwu")
    start = time.perf_counter()
    subprocess.run(
        [exe, "render", "--all", "--force", "-o", str(out)], check=True, capture_output=True
    )
    return time.perf_counter() - start


def naive(out: Path) -> float:
    from docx import Document

    from zhengwu_cli.load import load
    from zhengwu_cli.query import Filters, rows, select, units_with_rows

    start = time.perf_counter()
    loaded = load(ROOT / "checklists" / "2022.yaml")
    all_rows = rows(loaded.checklist, loaded.registry)
    for unit in units_with_rows(loaded.checklist, loaded.registry):
        chosen = select(all_rows, Filters(units=[unit]), loaded.registry)
        document = Document(str(ROOT / "templates" / "sheet.docx"))
        document.add_paragraph(f"四平市2022年政务公开工作任务清单（{unit}）", style="任务单标题")
        table = document.add_table(rows=1, cols=8)
        for cell, heading in zip(
            table.rows[0].cells,
            [
                "序号",
                "主要任务",
                "细化指标",
                "责任角色",
                "工作措施",
                "完成时限",
                "可检视成果",
                "完成情况",
            ],
            strict=True,
        ):
            cell.text = heading
        for row in chosen:
            cells = table.add_row().cells
            cells[0].text = str(row.number)
            cells[1].text = row.task.title
            cells[2].text = row.indicator.text
            cells[3].text = "、".join(a.role.value for a in row.roles)
            cells[4].text = "\n".join(m.text for m in row.measures)
            cells[5].text = row.indicator.deadline.text or ""
            cells[6].text = row.indicator.outcome.text or ""
        document.save(str(out / f"{unit}.docx"))
    return time.perf_counter() - start


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        (base / "naive").mkdir()
        fast = min(zhengwu(base / "zhengwu") for _ in range(3))
        slow = min(naive(base / "naive") for _ in range(3))
    print(f"zhengwu render --all (whole process): {fast:.2f} s")
    print(f"naive python-docx (in-process, after imports): {slow:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
