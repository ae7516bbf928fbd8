#!/usr/bin/env bash
# Every command of the installed tool, on one Python, in an empty folder, with no test extras:
# what a clean install on the oldest supported Python must run (issue #17 item 8).
#   scripts/smoke.sh PYTHON        e.g. scripts/smoke.sh python3.10
set -euo pipefail
python=${1:?usage: scripts/smoke.sh PYTHON}
root=$(cd "$(dirname "$0")/.." && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

"$python" -m venv "$scratch/venv"
"$scratch/venv/bin/pip" install -q "$root"
z="$scratch/venv/bin/zhengwu"
"$scratch/venv/bin/python" -c 'import sys; print("== zhengwu on Python", sys.version.split()[0])'
mkdir "$scratch/work" && cd "$scratch/work"

step() {  # step EXPECTED-EXIT-CODES COMMAND...: run it, and fail unless it exits as expected
  local expected=$1; shift
  set +e; "$@" >"$scratch/out" 2>&1; local code=$?; set -e
  if [[ " $expected " != *" $code "* ]]; then
    echo "FAILED (exit $code, expected $expected): ${*#"$z "}"; cat "$scratch/out"; exit 1
  fi
  echo "ok   zhengwu ${*:2}"
}

step 0 "$z" --version
step 0 "$z" --help
step 0 "$z" lint
step 0 "$z" rules ZW611
step 0 "$z" schema
step 0 "$z" list --unit 市司法局 --format json
step 0 "$z" show 28
step 0 "$z" units
step 0 "$z" render --unit 市司法局 -o sheets/
step 0 "$z" render --full -o full.docx
step 0 "$z" import full.docx -o imported/2022.yaml
step 0 "$z" lint imported/2022.yaml
# the liaison fills in the first row's 完成情况 (the last column), as Word would save it
"$scratch/venv/bin/python" - <<'PY'
import re
import docx
path = "sheets/市司法局.docx"
document = docx.Document(path)
row = next(r for t in document.tables for r in t.rows if re.fullmatch(r"\d+", r.cells[0].text.strip()))
row.cells[-1].text = "已完成。2022年6月30日已在政府网站公开。"
document.save(path)
PY
step 0 "$z" collect sheets/市司法局.docx --ledger progress/2022.yaml
grep -q "2022年6月30日已在政府网站公开" progress/2022.yaml || { echo "FAILED: the ledger lacks the entry"; exit 1; }
step "0 1" "$z" status --ledger progress/2022.yaml --as-of 2022-12-31
step 0 "$z" report --ledger progress/2022.yaml --as-of 2022-12-31 -o report.docx
echo "== every command ran"
