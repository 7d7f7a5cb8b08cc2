#!/usr/bin/env bash
# A stand-in "browser" for the loopback tests: follows the authorization server's redirects to
# Tether's loopback callback, as a browser would after the user approved. (The end-to-end tests
# use a real Chromium.) Used as BROWSER; the URL is the last argument.
exec curl --silent --show-error --location --max-redirs 5 --output /dev/null "${@: -1}"
