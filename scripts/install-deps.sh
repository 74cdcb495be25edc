#!/usr/bin/env bash
# Installs what a fresh Debian machine lacks to build and test wf:
#   libedit-dev (libedit's headers and pkg-config file; the runtime library alone is not enough)
#   pkg-config, and pexpect for the pseudo-terminal tests of the REPL.
# Safe to run again: it only installs what is missing. Uses sudo when not root.
set -euo pipefail
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if ! pkg-config --exists libedit 2>/dev/null || [ ! -f /usr/include/histedit.h ]; then
    export DEBIAN_FRONTEND=noninteractive
    as_root apt-get update -qq
    as_root apt-get install -y -qq libedit-dev pkg-config
fi
if ! python3 -c 'import pexpect' 2>/dev/null; then
    python3 -m pip install -q pexpect 2>/dev/null || as_root apt-get install -y -qq python3-pexpect
fi
