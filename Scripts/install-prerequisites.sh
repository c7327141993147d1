#!/usr/bin/env bash
# Installs what building and testing dvcheck needs on Debian or Ubuntu, beyond Swift itself
# (Swift 6.1 or newer: https://www.swift.org/install/). Installs only what is missing; run as root
# (CI) or through sudo. README.md lists the same packages.
#
#   Debian: libyaml-dev zlib1g-dev pkg-config libsqlite3-dev python3 python3-pip
#           chromium chromium-driver libreoffice-calc-nogui poppler-utils fonts-dejavu-core   (report checks, --full)
#   PyPI:   jsonschema pyyaml junitparser icalendar selenium openpyxl
set -euo pipefail

need=()
pkg-config --exists yaml-0.1 2>/dev/null || need+=(libyaml-dev)
[ -f /usr/include/sqlite3.h ] || need+=(libsqlite3-dev)
# The .xlsx reader inflates workbook parts with the system zlib.
{ [ -f /usr/include/zlib.h ] || pkg-config --exists zlib 2>/dev/null; } || need+=(zlib1g-dev)
command -v pkg-config >/dev/null || need+=(pkg-config)
command -v python3 >/dev/null || need+=(python3)
python3 -m pip --version >/dev/null 2>&1 || need+=(python3-pip)
# Real consumers of the report formats (Scripts/check_reports.sh, in Scripts/test.sh --full): a
# browser and its driver, and LibreOffice Calc to open the CSV as an inspector would.
command -v chromium >/dev/null || need+=(chromium)
command -v chromedriver >/dev/null || need+=(chromium-driver)
command -v libreoffice >/dev/null || need+=(libreoffice-calc-nogui)
# poppler reads the printed HTML report back (page size, text).
command -v pdftotext >/dev/null || need+=(poppler-utils)
if [ ${#need[@]} -gt 0 ]; then
    echo "installing Debian packages: ${need[*]}"
    sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}" fonts-dejavu-core
fi

# Python packages the checks use.
# duckdb: the benchmark's SQL baseline, which the benchmark-smoke step compares counts with.
if ! python3 -c 'import jsonschema, yaml, junitparser, icalendar, selenium, openpyxl, duckdb' 2>/dev/null; then
    echo "installing PyPI packages: jsonschema pyyaml junitparser icalendar selenium openpyxl duckdb"
    python3 -m pip install --quiet jsonschema pyyaml junitparser icalendar selenium openpyxl duckdb \
        || python3 -m pip install --quiet --break-system-packages jsonschema pyyaml junitparser icalendar selenium openpyxl duckdb
fi
echo "prerequisites installed"
