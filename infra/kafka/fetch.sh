#!/usr/bin/env bash
# Fetches the Kafka broker jars (version pinned in pom.xml) from Maven Central into
# infra/kafka/lib/ (gitignored), only when they are missing. Idempotent; works from any cwd.
#
#   infra/kafka/fetch.sh           fetch if lib/ is missing or holds another Kafka version
#   infra/kafka/fetch.sh --force   fetch again
#
# Uses the machine's Maven (`mvn`, ~/.m2 as cache). Set MAVEN_ARGS for extra flags (e.g. -o).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
LIB="$HERE/lib"
POM="$HERE/pom.xml"

want="$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$POM" | head -n1)"
[[ -n "$want" ]] || { echo "fetch.sh: no <kafka.version> in $POM" >&2; exit 1; }
stamp="$LIB/.fetched"
# the stamp records the pom it was fetched for: editing the pom (version, logging) refetches
sum="$(sha256sum "$POM" | cut -d' ' -f1)"

if [[ "${1:-}" != --force && -f "$stamp" && "$(cat "$stamp")" == "$sum" && -f "$LIB/kafka_2.13-$want.jar" ]]; then
  echo "kafka: jars for Kafka $want already in $LIB ($(ls "$LIB"/*.jar | wc -l) jars) - nothing to do"
  exit 0
fi

command -v mvn >/dev/null || { echo "fetch.sh: mvn not found (apt-get install maven)" >&2; exit 1; }
echo "kafka: fetching Kafka $want and its runtime dependencies from Maven Central into $LIB ..."
tmp="$(mktemp -d "$HERE/.lib.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
start=$SECONDS
# shellcheck disable=SC2086
# (Maven 3.8 leaks ANSI colour resets even with -q -B: strip them; pipefail keeps mvn's exit code)
mvn -q -B -Dstyle.color=never ${MAVEN_ARGS:-} -f "$POM" dependency:copy-dependencies \
  -DoutputDirectory="$tmp" 2>&1 | sed -u 's/\x1b\[[0-9;]*m//g' | grep -v '^$' || [[ ${PIPESTATUS[0]} == 0 ]]
compgen -G "$tmp/kafka_2.13-$want.jar" >/dev/null || { echo "fetch.sh: kafka_2.13-$want.jar not fetched" >&2; exit 1; }
echo "$sum" >"$tmp/.fetched"
# swap in atomically-ish so a half-fetched lib/ never looks complete
rm -rf "$LIB.old"; [[ -d "$LIB" ]] && mv "$LIB" "$LIB.old"
chmod 755 "$tmp"; mv "$tmp" "$LIB"; rm -rf "$LIB.old"
trap - EXIT
echo "kafka: fetched $(ls "$LIB"/*.jar | wc -l) jars ($(du -sh "$LIB" | cut -f1)) in $((SECONDS - start)) s -> $LIB"
