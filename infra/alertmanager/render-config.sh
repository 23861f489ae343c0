#!/bin/sh
# Writes Alertmanager's configuration with the webhook URL from the environment, then runs the rest
# of the command line: render-config.sh TEMPLATE OUTPUT [command...]
# ALERTMANAGER_WEBHOOK_URL defaults to a receiver on the Docker host (port 9095).
set -eu
template=$1
output=$2
shift 2
url=${ALERTMANAGER_WEBHOOK_URL:-http://host.docker.internal:9095/alerts}
case $url in
  http://*|https://*) ;;
  *) echo "ALERTMANAGER_WEBHOOK_URL must be an http(s) URL, was: $url" >&2; exit 2 ;;
esac
case $url in
  *"'"*|*'|'*|*'\'*|*'&'*) echo "ALERTMANAGER_WEBHOOK_URL must not contain ' | \\ or &, was: $url" >&2; exit 2 ;;
esac
sed "s|\${ALERTMANAGER_WEBHOOK_URL}|$url|" "$template" > "$output"
if [ "$#" -gt 0 ]; then
  exec "$@"
fi
