"""What the screen shows, as SVG snapshots (pytest-textual-snapshot). The app draws a recorded
alignment of the seeds with synthetic flags (tests/test_app_frozen.py), so these change only when
the app's drawing does. After looking at a change: `pytest tests/test_app_snapshots.py --snapshot-update`."""

from __future__ import annotations

from tui.app import make_app


def test_seeds_80x24(snap_compare, marked_seeds):
    assert snap_compare(make_app(alignment=marked_seeds), terminal_size=(80, 24))


def test_seeds_160x48(snap_compare, marked_seeds):
    assert snap_compare(make_app(alignment=marked_seeds), terminal_size=(160, 48), press=["j"])


def test_detail_panel(snap_compare, marked_seeds):
    """The first name flag: both passages side by side, the word diff, kind and explanation."""
    assert snap_compare(make_app(alignment=marked_seeds), terminal_size=(120, 36),
                        press=["right_square_bracket", "right_square_bracket", "d"])


def test_detail_panel_80x24(snap_compare, marked_seeds):
    assert snap_compare(make_app(alignment=marked_seeds), terminal_size=(80, 24),
                        press=["right_square_bracket", "d"])


def test_flag_list(snap_compare, marked_seeds):
    assert snap_compare(make_app(alignment=marked_seeds), terminal_size=(80, 24), press=["f"])


def test_ansi_dark(snap_compare, marked_seeds):
    assert snap_compare(make_app(alignment=marked_seeds, theme="ansi-dark"), terminal_size=(80, 24),
                        press=["j", "m"])


def test_ansi_light(snap_compare, marked_seeds):
    assert snap_compare(make_app(alignment=marked_seeds, theme="ansi-light"), terminal_size=(80, 24),
                        press=["j", "m"])


def test_help(snap_compare, marked_seeds):
    assert snap_compare(make_app(alignment=marked_seeds), terminal_size=(80, 24), press=["question_mark"])


def test_article_order(snap_compare, marked_seeds):
    assert snap_compare(make_app(alignment=marked_seeds), terminal_size=(80, 24), press=["l", "o"])


def test_furniture_pinned_and_filtered(snap_compare, marked_seeds):
    assert snap_compare(make_app(alignment=marked_seeds), terminal_size=(120, 30),
                        press=["c", "l", "p", "exclamation_mark"])
