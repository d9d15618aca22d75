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


def suppress_lines(
    counts: list[int], lines: list[list[int]], *, threshold: int = SMALL_CELL
) -> list[int | None]:
    """The general form: `lines` are groups of cell indexes whose sum a reader knows (a shown total,
    or a total that other shown figures give away, such as the denominator of a shown share). Hide
    small cells, then, while any line has exactly one hidden cell, hide its smallest visible
    non-zero cell too. Put a total in the cells (and in its line) when the total itself may be
    small: then it is hidden like any cell, and its line protects it."""
    hidden = [0 < count < threshold for count in counts]
    changed = True
    while changed:
        changed = False
        for line in lines:
            if sum(hidden[index] for index in line) != 1:
                continue
            candidates = [(counts[i], i) for i in line if not hidden[i] and counts[i] > 0]
            if candidates:
                hidden[min(candidates)[1]] = True
                changed = True
    return [None if hidden[index] else count for index, count in enumerate(counts)]


def suppress_grid(
    table: dict[tuple, int], rows: list, columns: list, *, threshold: int = SMALL_CELL
) -> tuple[dict[tuple, int | None], dict, dict, int | None]:
    """A table shown with row totals, column totals and a grand total, all of which add up. The
    totals are cells too: a small row total is hidden, and the grand total minus the other rows'
    totals cannot give it back. Returns (cells, row totals, column totals, grand total)."""
    keys = [(row, column) for row in rows for column in columns]
    counts = [table.get(key, 0) for key in keys]
    index = {key: position for position, key in enumerate(keys)}
    row_total = {row: len(counts) + position for position, row in enumerate(rows)}
    counts += [sum(table.get((row, column), 0) for column in columns) for row in rows]
    column_total = {column: len(counts) + position for position, column in enumerate(columns)}
    counts += [sum(table.get((row, column), 0) for row in rows) for column in columns]
    grand = len(counts)
    counts.append(sum(counts[row_total[row]] for row in rows))
    lines = [[index[(row, column)] for column in columns] + [row_total[row]] for row in rows]
    lines += [[index[(row, column)] for row in rows] + [column_total[column]] for column in columns]
    lines.append([row_total[row] for row in rows] + [grand])
    lines.append([column_total[column] for column in columns] + [grand])
    shown = suppress_lines(counts, lines, threshold=threshold)
    return (
        {key: shown[index[key]] for key in keys},
        {row: shown[row_total[row]] for row in rows},
        {column: shown[column_total[column]] for column in columns},
        shown[grand],
    )
