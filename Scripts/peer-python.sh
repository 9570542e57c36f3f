# Sourced by the peer and parity scripts (from the repository root, $shared set): $py is the peers' Python,
# the caller's $py when it is executable, else /tmp/peers/bin/python, whose venv is first created from
# $shared/peers/requirements.txt (networkx, scipy, spopt, access) when it is missing.
if [ ! -x "${py:-}" ]; then
  if [ ! -x /tmp/peers/bin/python ]; then
    python3 -m venv /tmp/peers
    /tmp/peers/bin/pip install --quiet -r "$shared/peers/requirements.txt"
  fi
  py=/tmp/peers/bin/python
fi
