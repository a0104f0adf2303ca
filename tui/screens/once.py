"""Modal screens that close with one answer, however many keys arrive at once."""

from __future__ import annotations

from typing import TypeVar

from textual.screen import ModalScreen

ResultType = TypeVar("ResultType")


class AnswerOnce(ModalScreen[ResultType]):
    """A modal dialog whose first answer is its only one.

    Keys that arrive in one read (a paste, key repeat, an SSH connection batching writes) are all
    handled before the dismissed screen has left the stack: a second Enter would dismiss the
    screen below it, leaving a blank terminal, and a third would pop the last screen and stop
    the app."""

    _answered = False

    def answer(self, result: ResultType | None = None) -> None:
        if not self._answered:
            self._answered = True
            self.dismiss(result)
