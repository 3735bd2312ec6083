#!/usr/bin/env bash
# Regenerate the golden files of the end-to-end corpus from CPython 3.11.
#
#   tests/bless.sh                 # every program in tests/programs and tests/wishlist
#   tests/bless.sh tests/programs/errors          # one folder (recursively)
#   tests/bless.sh tests/programs/arith/power.py  # one program
#
# For each x.py it writes x.stdout, x.stderr and x.exit (the exit code as
# text), running the program exactly as the harness runs tvm: with the
# current directory set to the program's own folder and the bare file name as
# the only argument. CPython itself prints the absolute path of the script in
# tracebacks (`File "/abs/dir/x.py"`); tvm prints the name as given, so this
# script rewrites that to `File "x.py", line N` in x.stderr. The goldens thus
# do not depend on where the checkout lives.
#
# The interpreter is $TVM_TEST_PYTHON (default python3); it must be CPython
# 3.11. It runs with a clean environment (env -i) plus a few fixed variables,
# so the goldens do not depend on the caller's locale or hash seed, and under
# a 60 s timeout.
# `TVM_TEST_BLESS=1 cargo test --test e2e` does the same thing (tests/e2e.rs
# mirrors this script: keep the two in sync).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
python=${TVM_TEST_PYTHON:-python3}

# Resolve the real interpreter (a pyenv shim does not work under env -i).
if ! exe=$("$python" -c 'import sys; print(sys.executable)' 2>/dev/null) || [ -z "$exe" ]; then
    echo "bless.sh: cannot run $python" >&2
    exit 2
fi
ver=$("$exe" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
if [ "$ver" != "3.11" ]; then
    echo "bless.sh: $exe is Python $ver; the goldens must come from CPython 3.11" >&2
    exit 2
fi

if [ $# -eq 0 ]; then
    set -- "$here/programs"
    if [ -d "$here/wishlist" ]; then
        set -- "$@" "$here/wishlist"
    fi
fi

files=()
for arg in "$@"; do
    if [ -d "$arg" ]; then
        while IFS= read -r f; do files+=("$f"); done < <(find "$arg" -type f -name '*.py' | LC_ALL=C sort)
    elif [ -f "$arg" ] && [[ "$arg" == *.py ]]; then
        files+=("$arg")
    else
        echo "bless.sh: not a .py file or a folder: $arg" >&2
        exit 2
    fi
done

normalize='
import os, sys
path, folder, name = sys.argv[1:4]
data = open(path, "rb").read()
for d in {folder, os.path.realpath(folder)}:
    data = data.replace(("\"" + os.path.join(d, name) + "\"").encode(), ("\"" + name + "\"").encode())
open(path, "wb").write(data)
'

count=0
for f in "${files[@]}"; do
    dir=$(cd "$(dirname "$f")" && pwd)
    name=$(basename "$f")
    stem=${name%.py}
    set +e
    (
        cd "$dir" &&
        timeout 60 env -i PATH="/usr/local/bin:/usr/bin:/bin" PYTHONIOENCODING=utf-8 PYTHONUTF8=1 \
            PYTHONHASHSEED=0 PYTHONDONTWRITEBYTECODE=1 \
            "$exe" "$name" <"/dev/null" >"$stem.stdout" 2>"$stem.stderr"
    )
    code=$?
    set -e
    if [ "$code" -eq 124 ]; then
        echo "bless.sh: $f timed out after 60 s" >&2
    fi
    echo "$code" >"$dir/$stem.exit"
    # CPython (3.9+) makes the script path absolute; tvm prints the name as
    # given. Turn `File "/abs/dir/x.py"` back into `File "x.py"`.
    "$exe" -c "$normalize" "$dir/$stem.stderr" "$dir" "$name"
    echo "blessed ${dir#"$here"/}/$name (exit $code)"
    count=$((count + 1))
done
echo "bless.sh: wrote goldens for $count programs"
