#!/usr/bin/env bash
# Prints the command that starts moto's server, looking in the usual places in this order: a moto_server on
# PATH, $MOTO_PYTHON, a python3 on PATH that has moto, pyenv's 3.11.7. Exits 1 with advice when none is found.
# The one place that looks for moto: the test command's pre-flight check and the Java test harness (MotoServer) run it.
set -uo pipefail
if command -v moto_server >/dev/null 2>&1; then
  echo "moto_server"; exit 0
fi
candidates=()
[ -n "${MOTO_PYTHON:-}" ] && candidates+=("$MOTO_PYTHON")
command -v python3 >/dev/null 2>&1 && candidates+=("$(command -v python3)")
if command -v pyenv >/dev/null 2>&1; then
  candidates+=("$(pyenv root)/versions/3.11.7/bin/python3")
fi
[ -n "${PYENV_ROOT:-}" ] && candidates+=("$PYENV_ROOT/versions/3.11.7/bin/python3")
candidates+=("$HOME/.pyenv/versions/3.11.7/bin/python3" "/root/.pyenv/versions/3.11.7/bin/python3")
for py in "${candidates[@]}"; do
  if [ -x "$py" ] && "$py" -c 'import moto.server' >/dev/null 2>&1; then
    echo "$py -m moto.server"; exit 0
  fi
done
echo "moto is not installed: the integration tests need it. Install it with: pip install \"moto[server]\"" >&2
echo "(or point MOTO_PYTHON at a Python that has it)" >&2
exit 1
