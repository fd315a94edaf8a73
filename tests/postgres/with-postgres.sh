#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server on loopback, runs the given command against it
# (LEDGERDESK_TEST_PG_PORT tells the test support where it is), then stops and removes it.
set -euo pipefail

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
    echo "PostgreSQL server binaries not found; install the 'postgresql' package" >&2
    exit 1
fi

workdir=$(mktemp -d)
as_owner=()
if [ "$(id -u)" -eq 0 ]; then
    # initdb refuses to run as root; the cluster belongs to the postgres account.
    chown postgres "$workdir"
    as_owner=(runuser -u postgres --)
fi

cleanup() {
    "${as_owner[@]}" "$bindir/pg_ctl" -D "$workdir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$workdir"
}
trap cleanup EXIT

"${as_owner[@]}" "$bindir/initdb" -D "$workdir/data" -U ledgerdesk --auth=trust -E UTF8 >/dev/null

for attempt in 1 2 3 4 5; do
    port=$((20000 + RANDOM % 30000))
    if "${as_owner[@]}" "$bindir/pg_ctl" -D "$workdir/data" -l "$workdir/server.log" -w -t 30 \
        -o "-p $port -k $workdir -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null; then
        break
    fi
    [ "$attempt" -eq 5 ] && { cat "$workdir/server.log" >&2; exit 1; }
done

export LEDGERDESK_TEST_PG_PORT="$port"
"$@"
