"""Small-cell suppression for published counts.

Counts of fewer than SMALL_CELL people are hidden wherever figures leave the staff pages, because in
a neighborhood-sized group a handful of people can be recognised. Hiding one cell is not enough when
the total is shown: the hidden value is the total minus the rest, so a second cell is hidden too.
"""

SMALL_CELL = 11


def suppress(
    counts: list[int], total: int | None, *, threshold: int = SMALL_CELL
) -> tuple[list[int | None], int | None]:
    """Hide small counts in one distribution shown with its total.

    Primary: 1..threshold-1 is hidden (0 is shown: it reveals no one). Complementary: if exactly one
    count is hidden and the total is shown, it equals total minus the rest; so the smallest visible
    non-zero count is hidden as well. A total under the threshold hides everything.
    """
    if total is not None and total < threshold:
        return [None] * len(counts), None
    hidden = [0 < count < threshold for count in counts]
    while total is not None and sum(hidden) == 1:
        candidates = [
            (count, index) for index, count in enumerate(counts) if not hidden[index] and count > 0
        ]
        if not candidates:
            break
        hidden[min(candidates)[1]] = True
    return [None if hidden[index] else count for index, count in enumerate(counts)], total


def suppress_table(
    table: dict[tuple, int], rows: list, columns: list, *, threshold: int = SMALL_CELL
) -> dict[tuple, int | None]:
    """Two-way version for breakdowns shown with row and column totals: hide small cells, then
    keep hiding the smallest visible cell of any row or column that has exactly one hidden cell."""
    cells = {(row, column): table.get((row, column), 0) for row in rows for column in columns}
    hidden = {key: 0 < value < threshold for key, value in cells.items()}
    changed = True
    while changed:
        changed = False
        lines = [[(row, column) for column in columns] for row in rows] + [
            [(row, column) for row in rows] for column in columns
        ]
        for line in lines:
            if sum(hidden[key] for key in line) == 1:
                candidates = [
                    (cells[key], key) for key in line if not hidden[key] and cells[key] > 0
                ]
                if candidates:
                    hidden[min(candidates, key=lambda item: item[0])[1]] = True
                    changed = True
    return {key: None if hidden[key] else value for key, value in cells.items()}
