"""CSV exports every app shares: text a spreadsheet will never run as a formula."""

import csv
from collections.abc import Iterable

from django.http import HttpResponse

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value) -> str:
    """Prefix text that a spreadsheet would read as a formula (CSV injection) with a quote."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def csv_response(
    filename: str, header: Iterable, rows: Iterable[Iterable], *, preamble: Iterable[Iterable] = ()
) -> HttpResponse:
    """`preamble` rows (a title, a warning) come before the header row."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # so spreadsheet programs read UTF-8 correctly
    writer = csv.writer(response)
    for row in preamble:
        writer.writerow([spreadsheet_safe(cell) for cell in row])
    writer.writerow([spreadsheet_safe(cell) for cell in header])
    for row in rows:
        writer.writerow([spreadsheet_safe(cell) for cell in row])
    return response
