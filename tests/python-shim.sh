#!/usr/bin/env bash
# Stand-in for the tvm binary that runs CPython instead, to check the harness
# and the goldens without a working VM:
#
#   TVM_TEST_BIN=tests/python-shim.sh cargo test --test e2e
#
# It drops tvm's own arguments (`run`, `--no-jit`, `--jit SPEC`), runs the
# program with the interpreter and environment that tests/bless.sh uses, and
# rewrites CPython's absolute script path in tracebacks to the name as given
# (what tvm prints), exactly like bless.sh does.
args=()
while [ $# -gt 0 ]; do
    case "$1" in
        run | --no-jit) shift ;;
        --jit) shift 2 ;;
        --jit=*) shift ;;
        *) args+=("$1"); shift ;;
    esac
done
python=${TVM_TEST_PYTHON:-python3}
exe=$("$python" -c 'import sys; print(sys.executable)') || exit 2
errfile=$(mktemp)
trap 'rm -f "$errfile"' EXIT
env -i PATH="/usr/local/bin:/usr/bin:/bin" PYTHONIOENCODING=utf-8 PYTHONUTF8=1 \
    PYTHONHASHSEED=0 PYTHONDONTWRITEBYTECODE=1 "$exe" "${args[@]}" 2>"$errfile"
code=$?
name=${args[${#args[@]}-1]}
"$exe" -c '
import os, sys
path, folder, name = sys.argv[1:4]
data = open(path, "rb").read()
for d in {folder, os.path.realpath(folder)}:
    data = data.replace(("\"" + os.path.join(d, name) + "\"").encode(), ("\"" + name + "\"").encode())
sys.stderr.buffer.write(data)
' "$errfile" "$PWD" "$name"
exit "$code"
