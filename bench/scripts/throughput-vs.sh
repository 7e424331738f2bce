#!/usr/bin/env bash
# The default scenario's exploration throughput of this checkout against another commit, side by
# side: both Release builds, the two whole processes in turn (farm-bench: A B A B, the ratio pair by
# pair), on one worker. Usage: bench/scripts/throughput-vs.sh REV [PAIRS] [ITERATIONS]
# e.g. bench/scripts/throughput-vs.sh c6da6fa 11 500   (main before issue 23, the baseline of issue 19)
set -euo pipefail
rev="${1:?usage: throughput-vs.sh REV [PAIRS] [ITERATIONS]}"
pairs="${2:-7}"
iterations="${3:-500}"
root="$(git rev-parse --show-toplevel)"
work="$(mktemp -d)"
trap 'git -C "$root" worktree remove --force "$work/old" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

git -C "$root" worktree add --detach "$work/old" "$rev" >/dev/null
dotnet build "$work/old/src/Host" -c Release -o "$work/old-bin" -nologo -v quiet >/dev/null
dotnet build "$root/src/Host" -c Release -o "$work/new-bin" -nologo -v quiet >/dev/null

run="explore --strategy random --iterations $iterations --workers 1 --no-progress"
echo "A: this checkout ($(git -C "$root" rev-parse --short HEAD)); B: $rev; $pairs pairs of: actorhyper $run"
farm-bench -n "$pairs" --timeout 900 --vs "dotnet $work/old-bin/actorhyper.dll $run" -- dotnet "$work/new-bin/actorhyper.dll" $run
