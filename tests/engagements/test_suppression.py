"""Small-cell suppression: no hidden count can be worked out from what is shown."""

import itertools

from engagements.suppression import suppress_grid, suppress_lines


def _solvable(counts, shown, lines) -> set[int]:
    """Indexes of hidden cells a reader could compute: repeatedly, a line with exactly one unknown
    cell gives it (every line's sum is known to the reader)."""
    known = {i for i, value in enumerate(shown) if value is not None}
    solved = set()
    changed = True
    while changed:
        changed = False
        for line in lines:
            unknown = [i for i in line if i not in known]
            if len(unknown) == 1:
                known.add(unknown[0])
                solved.add(unknown[0])
                changed = True
    return solved


def test_a_line_never_has_exactly_one_hidden_cell():
    counts = [40, 3, 25, 12, 0]
    lines = [[0, 1, 2, 3, 4], [0, 1, 2]]  # a total, and a sub-total a share gives away
    shown = suppress_lines(counts, lines)
    assert shown[1] is None
    for line in lines:
        assert sum(shown[i] is None for i in line) != 1
    assert not _solvable(counts, shown, lines)


def test_grid_totals_are_cells_so_a_small_row_total_cannot_be_derived():
    # Row A is [7, 0]: its total 7 is small. Without the totals as cells, the grand total minus
    # the other rows' totals would give it back (187 - 90 - 90).
    table = {("A", 1): 7, ("A", 2): 0, ("B", 1): 40, ("B", 2): 50, ("C", 1): 30, ("C", 2): 60}
    cells, row_totals, _column_totals, grand = suppress_grid(table, ["A", "B", "C"], [1, 2])
    assert cells[("A", 1)] is None
    assert row_totals["A"] is None
    hidden_rows = [row for row, value in row_totals.items() if value is None]
    assert len(hidden_rows) >= 2 or grand is None


def test_no_grid_cell_is_derivable_from_what_is_shown():
    for seed in range(40):
        values = [(seed * 7 + i * 13) % 30 for i in range(9)]
        rows, columns = ["A", "B", "C"], [1, 2, 3]
        table = dict(zip(itertools.product(rows, columns), values, strict=True))
        cells, row_totals, column_totals, grand = suppress_grid(table, rows, columns)
        # Rebuild the flat layout suppress_grid uses and check no hidden cell is solvable.
        keys = list(itertools.product(rows, columns))
        flat = [table[k] for k in keys] + [0] * 7
        shown = [cells[k] for k in keys]
        shown += [row_totals[r] for r in rows] + [column_totals[c] for c in columns] + [grand]
        lines = [[keys.index((r, c)) for c in columns] + [9 + rows.index(r)] for r in rows]
        lines += [[keys.index((r, c)) for r in rows] + [12 + columns.index(c)] for c in columns]
        lines += [[9, 10, 11, 15], [12, 13, 14, 15]]
        assert not _solvable(flat, shown, lines), (values, shown)
        assert all(v is None or v == 0 or v >= 11 for v in shown)
