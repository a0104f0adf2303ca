"""Article text is data. Everything that came from an input file (paragraphs, titles, labels,
outlets, flag explanations that quote it, file names) reaches the screen through `shown()` and
`Content(...)`, never through markup: control and bidi characters become visible marks
(`aligner.text.visible`, one character for one) and brackets stay brackets."""

from __future__ import annotations

from textual.content import Content


def shown(text: object) -> str:
    """Text safe to put on a terminal line: controls made visible, line breaks as spaces."""
    from aligner.text import visible  # aligner loads numpy; by the time text is shown it is loaded

    return visible("" if text is None else str(text)).replace("\n", " ")


def plain(text: object, style: str = "") -> Content:
    """Untrusted text as Content, literally (no markup), optionally styled."""
    content = Content(shown(text), strip_control_codes=False)
    return content.stylize(style) if style else content
