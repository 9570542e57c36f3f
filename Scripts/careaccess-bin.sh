# Sourced by the check, parity and benchmark scripts (from the repository root): $bin is $CAREACCESS_BIN when set, else the release
# binary, built first.
bin=${CAREACCESS_BIN:-}
if [ -z "$bin" ]; then
  swift build -c release --product careaccess > /dev/null
  bin="$(swift build -c release --show-bin-path)/careaccess"
fi
