"""Small-cell suppression: no hidden count can be worked out from what is shown."""

import itertools
import random
from fractions import Fraction

from engagements.suppression import suppress_grid, suppress_lines


def _rank(rows: list[list[Fraction]]) -> int:
    rows = [list(row) for row in rows]
    rank, columns = 0, len(rows[0]) if rows else 0
    for col in range(columns):
        pivot = next((r for r in range(rank, len(rows)) if rows[r][col] != 0), None)
        if pivot is None:
            continue
        rows[rank], rows[pivot] = rows[pivot], rows[rank]
        for r in range(rank + 1, len(rows)):
            factor = rows[r][col] / rows[rank][col]
            rows[r] = [a - factor * b for a, b in zip(rows[r], rows[rank], strict=True)]
        rank += 1
    return rank


def _solvable(shown, lines) -> set[int]:
    """Hidden cells a reader could compute from the lines' known sums: x_j is determined exactly
    when adding its unit vector to the equations does not raise their rank (an independent check
    of the module's own reduced-echelon audit)."""
    unknowns = [i for i, value in enumerate(shown) if value is None]
    if not unknowns:
        return set()
    matrix = [[Fraction(int(i in line)) for i in unknowns] for line in lines]
    base = _rank(matrix)
    solved = set()
    for position, index in enumerate(unknowns):
        unit = [Fraction(int(k == position)) for k in range(len(unknowns))]
        if _rank([*matrix, unit]) == base:
            solved.add(index)
    return solved


def test_a_line_never_has_exactly_one_hidden_cell():
    counts = [40, 3, 25, 12, 0]
    lines = [[0, 1, 2, 3, 4], [0, 1, 2]]  # a total, and a sub-total a share gives away
    shown = suppress_lines(counts, lines)
    assert shown[1] is None
    for line in lines:
        assert sum(shown[i] is None for i in line) != 1
    assert not _solvable(shown, lines)


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
        [table[k] for k in keys] + [0] * 7
        shown = [cells[k] for k in keys]
        shown += [row_totals[r] for r in rows] + [column_totals[c] for c in columns] + [grand]
        lines = [[keys.index((r, c)) for c in columns] + [9 + rows.index(r)] for r in rows]
        lines += [[keys.index((r, c)) for r in rows] + [12 + columns.index(c)] for c in columns]
        lines += [[9, 10, 11, 15], [12, 13, 14, 15]]
        assert not _solvable(shown, lines), (values, shown)
        assert all(v is None or v == 0 or v >= 11 for v in shown)


def test_crossing_lines_cannot_isolate_a_hidden_cell():
    """The review's case: no line has exactly one hidden cell, yet rows, a column and the totals
    together gave Glen's 2 back. The audit hides more until no hidden cell is determined."""
    rows, columns = ["Hill", "Dale", "Glen", "Citywide"], [1, 2, 3]
    values = [[0, 1, 0], [0, 20, 0], [2, 30, 0], [12, 60, 15]]
    table = {(r, c): values[i][j] for i, r in enumerate(rows) for j, c in enumerate(columns)}
    cells, row_totals, column_totals, grand = suppress_grid(table, rows, columns)
    assert cells[("Glen", 1)] is None
    _assert_grid_safe(table, rows, columns, (cells, row_totals, column_totals, grand))


def _assert_grid_safe(table, rows, columns, result):
    cells, row_totals, column_totals, grand = result
    keys = list(itertools.product(rows, columns))
    n = len(keys)
    shown = [cells[k] for k in keys]
    shown += [row_totals[r] for r in rows] + [column_totals[c] for c in columns] + [grand]
    row_at = {r: n + i for i, r in enumerate(rows)}
    col_at = {c: n + len(rows) + i for i, c in enumerate(columns)}
    grand_at = n + len(rows) + len(columns)
    lines = [[keys.index((r, c)) for c in columns] + [row_at[r]] for r in rows]
    lines += [[keys.index((r, c)) for r in rows] + [col_at[c]] for c in columns]
    lines += [[*row_at.values(), grand_at], [*col_at.values(), grand_at]]
    assert not _solvable(shown, lines), shown
    assert all(value is None or value == 0 or value >= 11 for value in shown)


def test_random_sparse_tables_like_the_transparency_page_are_safe():
    rng = random.Random(11)
    for _ in range(150):
        rows = [f"r{i}" for i in range(rng.randint(3, 9))]
        columns = list(range(rng.randint(2, 5)))
        table = {
            (r, c): rng.choice([0, 0, 0, 1, 2, 3, 5, 8, 12, 15, 20, 30, 60])
            for r in rows
            for c in columns
        }
        _assert_grid_safe(table, rows, columns, suppress_grid(table, rows, columns))
