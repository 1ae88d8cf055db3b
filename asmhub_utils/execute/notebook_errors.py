"""What in an executed notebook would hurt a reader: error outputs and tracebacks printed to stderr.

An exception raised while a cell runs is an `error` output; one raised while a figure is drawn for display (a
matplotlib ParseFatalException from a `$` in a label, say) is only printed to stderr and the cell "succeeds".
Both end up on the published page, so both fail the profile run (and with it `make book`). The message names
the country and, where the error quotes a contributed value, the record it came from.
"""

from __future__ import annotations

import re

_MATH = re.compile(r"\$([^$]+)\$")
_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_TRACEBACK = re.compile(r"Traceback \(most recent call last\)|^\w+(?:Error|Exception)\b", re.M)
FREE_TEXT = ("indicator", "value_text", "mineral", "source_title", "source_publisher", "locator", "note")


def errors(notebook) -> list[str]:
    """The text of every error output and every stderr stream that holds a traceback, in cell order."""
    found = []
    for cell in notebook.get("cells", []):
        for output in cell.get("outputs", []) if cell.get("cell_type") == "code" else []:
            if output.get("output_type") == "error":
                found.append(
                    _ANSI.sub(
                        "", f"{output.get('ename')}: {output.get('evalue')}\n" + "\n".join(output.get("traceback", []))
                    )
                )
            elif output.get("output_type") == "stream" and output.get("name") == "stderr":
                text = _ANSI.sub("", "".join(output.get("text", "")))
                if _TRACEBACK.search(text):
                    found.append(text)
    return list(dict.fromkeys(found))


def suspect_records(figures, message: str) -> list[str]:
    """record_ids of the figures whose free text (three characters or more) the error message quotes."""
    suspects = []
    for _, row in figures.iterrows():
        for column in FREE_TEXT:
            value = str(row.get(column, "") or "")
            quoted = [value, *(m for m in _MATH.findall(value) if len(m) >= 2)]  # mathtext errors quote the math
            if len(value) >= 3 and any(part in message for part in quoted):
                suspects.append(f"{row['record_id']} ({column} {value[:60]!r}, from {row.get('origin') or 'data/raw'})")
                break
    return suspects


def describe(code: str, found: list[str], figures=None) -> str:
    """One paragraph per error: the country, the records it quotes, and the error's last lines."""
    parts = []
    for text in found:
        last = "\n".join(line for line in text.strip().splitlines()[-4:])
        records = suspect_records(figures, text) if figures is not None else []
        where = f" caused by record {', '.join(records)}" if records else ""
        parts.append(f"the {code} profile shows an error{where}:\n{last}")
    return "\n".join(parts)
