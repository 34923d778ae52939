#!/usr/bin/env bash
# Makes sure Debian's LibreOffice Writer (headless) and poppler-utils are installed:
# the Word-export test converts our .docx to PDF with soffice and reads it back with
# pdftotext / pdftoppm (and unzip reads the .docx XML). Liberation fonts stand in for Times New Roman (same metrics).
set -euo pipefail
missing=()
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
[ -e /usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf ] || missing+=(fonts-liberation)
command -v unzip >/dev/null 2>&1 || missing+=(unzip)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
echo "ensure-libreoffice: installing Debian's ${missing[*]} (takes a few minutes)" >&2
SUDO=""
if [ "$(id -u)" != "0" ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "ensure-libreoffice: need root (or sudo) to run apt-get install ${missing[*]}" >&2; exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
# Other installs may hold the dpkg lock (e.g. ensure-chromium.sh): wait for it rather than fail.
LOCK=(-o DPkg::Lock::Timeout=600)
$SUDO apt-get "${LOCK[@]}" update -qq
$SUDO apt-get "${LOCK[@]}" install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
command -v soffice >/dev/null 2>&1 || { echo "ensure-libreoffice: install finished but soffice is missing" >&2; exit 1; }
command -v pdftotext >/dev/null 2>&1 || { echo "ensure-libreoffice: install finished but pdftotext is missing" >&2; exit 1; }
echo "ensure-libreoffice: installed $(soffice --version 2>/dev/null | head -1)" >&2
