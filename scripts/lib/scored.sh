# Setup shared by the scripts that score piano's plans against golds by hand
# (scan-calibration.sh, ocr-layers.sh): one way to find the scorer, to check
# the tools they need and to get the piano command.
#
# Source it from such a script once it has set `root` (the checkout) and
# `set -euo pipefail`: `source "$root/scripts/lib/scored.sh"`.

# need_scorer: sets `score` to ../shared/tools/score.py beside the checkout,
# or stops saying it is missing.
need_scorer() {
    score="$root/../shared/tools/score.py"
    [ -f "$score" ] || { echo "no $score: this check needs ../shared beside the checkout" >&2; exit 1; }
}

# need_tools TOOL...: stops, naming the first TOOL that is not installed.
need_tools() {
    local tool
    for tool in "$@"; do
        command -v "$tool" > /dev/null || { echo "$tool is not installed" >&2; exit 1; }
    done
}

# release_piano: sets `piano` to $PIANO when given, else to a release build
# of the checkout's piano command.
release_piano() {
    piano=${PIANO:-}
    if [ -z "$piano" ]; then
        cargo build --release --quiet --manifest-path "$root/Cargo.toml" -p piano-cli
        piano="$root/target/release/piano"
    fi
}
