#!/bin/sh
# Measures src/Hocon against lightbend/config's own test cases and its compiled implementation.
# Usage: bench/hocon-conformance/run.sh GIT_DIR_OF_LIGHTBEND_CONFIG [--verbose]
# Needs java/javac. Nothing from lightbend is copied into this repository: it is extracted to a temporary directory.
set -eu
git_dir=$1
shift
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
git --git-dir="$git_dir" archive HEAD config/src/main/java config/src/test | tar -x -C "$tmp"
mkdir -p "$tmp/classes"
javac -nowarn -encoding UTF-8 -d "$tmp/classes" $(find "$tmp/config/src/main/java" -name '*.java') 2>/dev/null
javac -cp "$tmp/classes" -d "$tmp/classes" "$here/LightbendDriver.java"
dotnet run --project "$here/HoconConformance.csproj" -c Release -- "$tmp" "$tmp/classes" "$@"
