"""Small-cell suppression for published counts.

Counts of fewer than SMALL_CELL people are hidden wherever figures leave the staff pages, because in
a neighborhood-sized group a handful of people can be recognised. Hiding one cell is not enough when
the total is shown: the hidden value is the total minus the rest, so a second cell is hidden too.
"""

from fractions import Fraction

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
    """Two-way version for breakdowns shown with row and column totals: every row and every
    column is a line (see `suppress_lines`)."""
    keys = [(row, column) for row in rows for column in columns]
    index = {key: position for position, key in enumerate(keys)}
    lines = [[index[(row, column)] for column in columns] for row in rows]
    lines += [[index[(row, column)] for row in rows] for column in columns]
    shown = suppress_lines([table.get(key, 0) for key in keys], lines, threshold=threshold)
    return dict(zip(keys, shown, strict=True))


def suppress_lines(
    counts: list[int], lines: list[list[int]], *, threshold: int = SMALL_CELL
) -> list[int | None]:
    """The general form: `lines` are groups of cell indexes whose sum a reader knows (a shown total,
    or a total that other shown figures give away, such as the denominator of a shown share). Put a
    total in the cells (and in its line) when the total itself may be small: then it is hidden like
    any cell, and its line protects it.

    Small cells are hidden; then, while any line has exactly one hidden cell, its smallest visible
    non-zero cell is hidden too. That is not enough when lines cross (rows, columns and totals of
    a table): adding and subtracting several lines can still isolate one cell. So the hidden cells
    are then audited as a system of linear equations, one per line, and while any hidden cell is
    determined by it, one more cell of a line through it is hidden.
    """
    hidden = [0 < count < threshold for count in counts]
    while True:
        _hide_lonely(counts, lines, hidden)
        determined = _determined(lines, hidden)
        if not determined or not _hide_one_more(counts, lines, hidden, determined):
            # Nothing is determined, or only a line of its own (a one-row table's column, say)
            # gives a cell away: then the caller must hide that total.
            break
    return [None if hidden[index] else count for index, count in enumerate(counts)]


def _hide_one_more(
    counts: list[int], lines: list[list[int]], hidden: list[bool], determined: set[int]
) -> bool:
    """Hide the cheapest visible cell, on a line through a determined cell, that leaves fewer
    cells determined: the smallest non-zero first, a zero only when no non-zero cell helps."""
    candidates = sorted(
        {
            (counts[i] == 0, counts[i], i)
            for line in lines
            if determined.intersection(line)
            for i in line
            if not hidden[i]
        }
    )
    for _is_zero, _count, index in candidates:
        hidden[index] = True
        if len(_determined(lines, hidden) & determined) < len(determined):
            return True
        hidden[index] = False
    return False


def _hide_lonely(counts: list[int], lines: list[list[int]], hidden: list[bool]) -> None:
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


def _determined(lines: list[list[int]], hidden: list[bool]) -> set[int]:
    """Hidden cells whose value follows from the lines' sums: those whose unit vector lies in the
    row space of the lines restricted to hidden cells (reduced row echelon form, exact fractions)."""
    unknowns = [index for index, is_hidden in enumerate(hidden) if is_hidden]
    if not unknowns:
        return set()
    column = {index: position for position, index in enumerate(unknowns)}
    rows = []
    for line in lines:
        row = [Fraction(0)] * len(unknowns)
        for index in set(line):
            if hidden[index]:
                row[column[index]] = Fraction(1)
        if any(row):
            rows.append(row)
    pivot_row = 0
    pivots = []
    for col in range(len(unknowns)):
        found = next((r for r in range(pivot_row, len(rows)) if rows[r][col] != 0), None)
        if found is None:
            continue
        rows[pivot_row], rows[found] = rows[found], rows[pivot_row]
        lead = rows[pivot_row][col]
        rows[pivot_row] = [value / lead for value in rows[pivot_row]]
        for r in range(len(rows)):
            if r != pivot_row and rows[r][col] != 0:
                factor = rows[r][col]
                rows[r] = [a - factor * b for a, b in zip(rows[r], rows[pivot_row], strict=True)]
        pivots.append(col)
        pivot_row += 1
        if pivot_row == len(rows):
            break
    return {
        unknowns[col]
        for position, col in enumerate(pivots)
        if sum(1 for value in rows[position] if value != 0) == 1
    }


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
