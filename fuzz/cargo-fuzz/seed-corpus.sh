#!/usr/bin/env bash
# Seeds the libFuzzer corpora from the end-to-end test programs:
# corpus/<target>/ gets a copy of every tests/programs/**/*.py (and
# tests/wishlist/**/*.py), named by content hash so reruns add nothing twice.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
for target in compile exec; do
    dir="$here/corpus/$target"
    mkdir -p "$dir"
    find "$root/tests/programs" "$root/tests/wishlist" -name '*.py' -type f 2>/dev/null |
        while IFS= read -r f; do
            cp "$f" "$dir/$(sha1sum "$f" | cut -c1-16).py"
        done
    echo "$target: $(ls "$dir" | wc -l) inputs in $dir"
done
