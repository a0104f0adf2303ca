"""Files to articles: decode each input (`aligner.inputs` finds them) and cut it into paragraphs
with line numbers.

Handles plain text with one paragraph per line, blank-line-separated paragraphs, hard-wrapped
lines (joined back), a whole file that is one escaped field (outer quotes, \\" inside), and
Markdown (through markdown-it-py). A YAML front matter block is read at the top of either kind.
Files are only ever read.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Literal

from aligner.decode import UndecodableError, decode
from aligner.inputs import MAX_BYTES

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
#: Paragraph grouping compares every story paragraph with every other: a 100,000-line log file
#: asked it for a 75 GB matrix. The longest article in ../shared/eval has under 100 paragraphs.
MAX_PARAGRAPHS = 2_000
#: markdown-it's link scanning grows with the square of the '[' in a paragraph: 640 KB of '['
#: took 28 s, 100 paragraphs of 5,000 took 27 s, while 5,000 anywhere in a file stay under 1 s.
#: A link-heavy article has a few hundred; beyond this the file is read as plain text, with a note.
MARKDOWN_MAX_BRACKETS = 5_000
#: Front matter is a short header; YAML beyond this is not front matter.
_FRONT_MATTER_MAX_CHARS = 16 * 1024

BlockKind = Literal["text", "heading", "item", "quote", "code", "html", "image"]


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph as found in the file, before it gets a role."""

    line: int  # 1-based line where it starts
    text: str
    kind: BlockKind = "text"
    run: int = 0  # blocks on adjacent lines (no blank line between) share a run number


@dataclass(frozen=True, slots=True)
class RawArticle:
    blocks: tuple[Block, ...]
    encoding: str
    encoding_guessed: bool
    front_matter: dict[str, str] = field(default_factory=dict)
    replaced: int = 0  # invalid byte sequences decoded as U+FFFD
    notes: tuple[str, ...] = ()  # how the file was read, when not as it asked (one line each)


class IngestError(Exception):
    """An input that cannot be read; str() is the one-line reason."""


def read_article(path: Path) -> RawArticle:
    """Read one file into blocks, or raise IngestError with the reason. Never writes to it."""
    data = _read_bounded(path)
    try:
        decoded = decode(data)
    except UndecodableError as e:
        raise IngestError(str(e)) from None
    lines = split_lines(decoded.text)
    front, body_start, front_note = _front_matter(lines)
    notes: list[str] = [front_note] if front_note else []
    markdown = path.suffix.lower() in MARKDOWN_SUFFIXES
    if markdown and sum(line.count("[") for line in lines[body_start:]) > MARKDOWN_MAX_BRACKETS:
        notes.append(f"more than {MARKDOWN_MAX_BRACKETS:,} '[' is not an article's Markdown; read as plain text")
        markdown = False
    blocks = markdown_blocks(lines, body_start) if markdown else text_blocks(lines, body_start)
    if not blocks:
        raise IngestError("no text in file" if not decoded.text.strip() else "no paragraphs found")
    if all(b.kind == "image" for b in blocks):
        raise IngestError("no paragraphs found, only images")
    if len(blocks) > MAX_PARAGRAPHS:
        raise IngestError(
            f"too many paragraphs for a news article ({len(blocks):,}; Synoptic reads up to {MAX_PARAGRAPHS:,})"
        )
    return RawArticle(tuple(blocks), decoded.encoding, decoded.guessed, front, decoded.replaced, tuple(notes))


def _open_without_waiting(path: Path):
    """Open for reading. A named pipe nobody writes to would block the open forever: opened
    non-blocking it reads as empty instead, while a pipe with a writer (`synoptic <(cmd)`) is then
    read to its end as usual."""
    nonblock = getattr(os, "O_NONBLOCK", 0)
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0) | nonblock)
    if nonblock:
        import fcntl

        fcntl.fcntl(fd, fcntl.F_SETFL, fcntl.fcntl(fd, fcntl.F_GETFL) & ~nonblock)
    return os.fdopen(fd, "rb")


def _read_bounded(path: Path) -> bytes:
    """The file's bytes, refusing more than MAX_BYTES without reading them all (a pipe or a device
    such as /dev/zero has no size to check first)."""
    limit = f"Synoptic reads articles up to {MAX_BYTES // (1024 * 1024)} MB"
    try:
        with _open_without_waiting(path) as f:
            size = os.fstat(f.fileno()).st_size
            if size > MAX_BYTES:
                raise IngestError(f"too large for a news article ({size / (1024 * 1024):.1f} MB; {limit})")
            data = f.read(MAX_BYTES + 1)
    except PermissionError:
        raise IngestError("permission denied") from None
    except IsADirectoryError:
        raise IngestError("is a directory") from None
    except OSError as e:
        raise IngestError(f"cannot read: {e.strerror or e}") from None
    if len(data) > MAX_BYTES:
        raise IngestError(f"too large for a news article (over {MAX_BYTES // (1024 * 1024)} MB; {limit})")
    return data


_LINE_END = re.compile(r"\r\n|\r|\n")


def split_lines(text: str) -> list[str]:
    """Lines split on CRLF, CR or LF only (str.splitlines also splits on form feeds and U+2028)."""
    lines = _LINE_END.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    return lines


# --- front matter -----------------------------------------------------------------------------

_FRONT_KEYS = ("title", "outlet", "date", "url", "label", "source", "publisher", "published")


#: A line that makes a '---' block front matter: a field of ours or of a static-site generator's.
_FRONT_KEY_LINE = re.compile(
    rf"^\s*(?:{'|'.join(_FRONT_KEYS)}|author|authors|byline|tags|categories|layout|description|summary|slug|"
    r"draft|lang|image|id|updated|modified|subtitle)\s*:",
    re.IGNORECASE,
)


def _front_matter(lines: list[str]) -> tuple[dict[str, str], int, str | None]:
    """YAML front matter between '---' lines at the top: (fields, index of the first body line,
    why the header was ignored, if it was). Lines between '---' rules that name no field are
    text, not a header, and are read as such. Values are kept as written: YAML would turn
    "2016-07-14" into a date, and refuse the whole header over "2016-02-30"."""
    if not lines or lines[0].strip().lstrip("\ufeff") != "---":
        return {}, 0, None
    for end in range(1, min(len(lines), 200)):
        if lines[end].strip() in ("---", "..."):
            break
    else:
        return {}, 0, None
    if not any(_FRONT_KEY_LINE.match(line) for line in lines[1:end]):
        return {}, 0, None  # "---" rules around text: the article's own lines, read as text
    header = "\n".join(lines[1:end])
    if len(header) > _FRONT_MATTER_MAX_CHARS:
        return {}, end + 1, "front matter too long; ignored"
    try:
        data = _yaml_load(header)
    except Exception:  # noqa: BLE001 - YAMLError, but also RecursionError on "[[[[..."; never fatal
        return {}, end + 1, "front matter is not valid YAML; ignored"
    if data is None:
        return {}, end + 1, None
    if not isinstance(data, dict):
        return {}, end + 1, "front matter is not 'key: value' fields; ignored"
    fields: dict[str, str] = {}
    unusable: list[str] = []
    for k, v in data.items():
        key = str(k).lower() if isinstance(k, str) else ""
        if key not in _FRONT_KEYS:
            continue
        # Scalars only: str() of an alias-expanded list ("billion laughs") would never finish.
        if isinstance(v, (str, int, float, date)) and not isinstance(v, bool):  # date: "!!timestamp"
            value = " ".join(str(v).split())
            if value:
                fields[key] = value
        elif v is not None:
            unusable.append(key)
    note = f"front matter {', '.join(unusable)}: not a single value; ignored" if unusable else None
    return fields, end + 1, note


@lru_cache(maxsize=1)
def _yaml_loader() -> type:
    """PyYAML's safe loader without its timestamp rule, so that dates stay text (the metadata
    reader parses them, and an impossible one costs only itself). Built on first use: PyYAML is
    imported only for files with front matter."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.yaml_implicit_resolvers = {
        first: [(tag, rule) for tag, rule in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return Loader


def _yaml_load(text: str):
    """`yaml.safe_load` with dates left as text (see `_yaml_loader`)."""
    import yaml

    return yaml.load(text, Loader=_yaml_loader())  # noqa: S506 - a SafeLoader subclass


# --- plain text -------------------------------------------------------------------------------

_ESCAPED_QUOTE = re.compile(r'\\"|""')
_UNESCAPE = re.compile(r'\\(["\\])|""')


def _escaped_field(lines: list[str], start: int) -> bool:
    """The whole file is one quoted field: opens and closes with '"', and every '"' inside is escaped."""
    first = next((i for i in range(start, len(lines)) if lines[i].strip()), None)
    last = next((i for i in range(len(lines) - 1, start - 1, -1) if lines[i].strip()), None)
    if first is None or last is None or (first == last and len(lines[first].strip()) < 2):
        return False
    head, tail = lines[first].lstrip(), lines[last].rstrip()
    if not (head.startswith('"') and tail.endswith('"') and not tail.endswith('\\"')):
        return False
    inner = "\n".join([head[1:], *lines[first + 1 : last], tail[:-1]] if first != last else [head[1:-1]])
    return '"' not in _ESCAPED_QUOTE.sub("", inner)


def _unescape_field(lines: list[str], start: int) -> list[str]:
    out = list(lines)
    first = next(i for i in range(start, len(out)) if out[i].strip())
    last = next(i for i in range(len(out) - 1, start - 1, -1) if out[i].strip())
    out[first] = out[first].replace('"', "", 1)
    cut = out[last].rfind('"')
    out[last] = out[last][:cut] + out[last][cut + 1 :]
    unescape = lambda s: _UNESCAPE.sub(lambda m: m.group(1) or '"', s)  # noqa: E731
    if first == last and "\\n" in out[first]:
        # A one-line field with escaped line breaks: every paragraph starts on that line.
        return [*out[:first], *[unescape(p) for p in out[first].split("\\n")], *out[last + 1 :]]
    return [unescape(s) for s in out]


def text_blocks(lines: list[str], start: int = 0) -> list[Block]:
    """Paragraphs of a plain-text file: one per line, blank-line separated, or hard-wrapped."""
    line_numbers = list(range(1, len(lines) + 1))
    if _escaped_field(lines, start):
        unescaped = _unescape_field(lines, start)
        if len(unescaped) != len(lines):  # escaped \n in a one-line field: all on its line
            first = next(i for i in range(start, len(lines)) if lines[i].strip())
            extra = len(unescaped) - len(lines)
            line_numbers = line_numbers[: first + 1] + [first + 1] * extra + line_numbers[first + 1 :]
        lines = unescaped
    width = _wrap_width(lines[start:])
    blocks: list[Block] = []
    run = 0
    current: list[str] = []
    current_line = 0
    previous_blank = True

    def flush() -> None:
        nonlocal current
        if current:
            text = _join_wrapped(current).strip()
            if text:
                blocks.append(Block(current_line, text, "text", run))
        current = []

    for i in range(start, len(lines)):
        line = lines[i]
        if not line.strip():
            flush()
            previous_blank = True
            continue
        if previous_blank:
            run += 1
        elif current and (width is None or _ends_paragraph(current[-1], line, width) or _starts_new_item(line)):
            flush()
        if not current:
            current_line = line_numbers[i]
        current.append(line)
        previous_blank = False
    flush()
    return blocks


def _wrap_width(lines: list[str]) -> int | None:
    """The column a hard-wrapped file was wrapped at, or None when lines are whole paragraphs.

    A wrapped file has many lines that continue on the next line and end close to one width,
    and most of them end inside a sentence (the 30 articles of the seeds and NewsWCL50, filled at
    60, 72 and 79 columns: 3% of such lines end a sentence, 13% at most). Short paragraphs one
    per line can be as even in length, but nearly all of them end a sentence."""
    continued = [lines[i].rstrip() for i in range(len(lines) - 1) if lines[i].strip() and lines[i + 1].strip()]
    if len(continued) < 3:
        return None
    lengths = sorted(len(s.rstrip()) for s in lines if s.strip())
    width = lengths[int(0.9 * (len(lengths) - 1))]
    if not 30 <= width <= 120:
        return None
    near = sum(1 for line in continued if len(line) >= 0.75 * width)
    if near < 0.6 * len(continued) or max(lengths) > width * 1.25:
        return None
    sentence_ends = sum(1 for line in continued if _SENTENCE_END.search(line))
    return None if sentence_ends > 0.5 * len(continued) else width


#: A line that ends a sentence: ".", "?" or "!", then any closing quotes or brackets.
_SENTENCE_END = re.compile(r"[.?!][\"'\u201d\u2019)\]]*$")


def _ends_paragraph(line: str, following: str, width: int) -> bool:
    """Whether a hard-wrapped paragraph ends with `line`: the next line's first word would have
    fitted after it (a wrapper would have put it there), and the line stops well short of the
    width or ends a sentence. A short line before a long word ("...the talks. "Unlike past" /
    "administrations, I will...") is a wrap."""
    line = line.rstrip()
    first_word = following.split(maxsplit=1)[0] if following.strip() else ""
    if len(line) + 1 + len(first_word) > width:
        return False
    return len(line) < 0.75 * width or bool(_SENTENCE_END.search(line))


#: A bullet or a numbered item ("1." to "99."; a wrapped line may well start with "1972.").
_LIST_ITEM = re.compile(r"^\s*(?:[-*+\u2022]\s|\d{1,2}[.)]\s)")


def _starts_new_item(line: str) -> bool:
    return bool(_LIST_ITEM.match(line)) or line.startswith(("    ", "\t"))


def _join_wrapped(lines: list[str]) -> str:
    out = lines[0].strip()
    for line in lines[1:]:
        piece = line.strip()
        if out.endswith("-") and len(out) > 1 and out[-2].isalpha() and piece[:1].isalnum():
            out += piece  # a wrap after a hyphen: "command-and-control", "anti-Assad"
        else:
            out += " " + piece
    return out


# --- Markdown ---------------------------------------------------------------------------------


def markdown_blocks(lines: list[str], start: int = 0) -> list[Block]:
    """Block-level text of a Markdown file through markdown-it-py, inline markup removed."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark")
    tokens = md.parse("\n".join(lines[start:]))
    blocks: list[Block] = []
    context: list[str] = []
    marker = ""  # the marker of a list item whose first paragraph is still to come
    run = 0
    last_end = -2
    for tok in tokens:
        if tok.nesting == 1:
            context.append(tok.type)
            if tok.type == "list_item_open":
                marker = f"{tok.info}{tok.markup} " if tok.info else "\u2022 "
        elif tok.nesting == -1:
            if context:
                context.pop()
            if tok.type == "list_item_close":
                marker = ""  # an item of images alone leaves no marker to a later paragraph
            continue
        if tok.type == "inline" and tok.map is not None:
            text = _inline_text(tok).strip()
            parent = context[-1] if context else "paragraph_open"
            kind: BlockKind
            if not text:
                # a paragraph of images alone: their alt text is what a reader has of them, a caption
                text = _alt_text(tok)
                if not text or parent == "heading_open":
                    continue
                kind = "image"
            elif parent == "heading_open":
                kind = "heading"
            elif "list_item_open" in context:
                kind = "item"
                text, marker = marker + text, ""  # "\u2022 first point", "2. second step", as a reader sees them
            elif "blockquote_open" in context:
                kind = "quote"
            else:
                kind = "text"
            begin, end = tok.map
            run += begin > last_end
            last_end = end
            blocks.append(Block(begin + start + 1, text, kind, run))
        elif tok.type in ("fence", "code_block") and tok.map is not None and tok.content.strip():
            begin, end = tok.map
            run += 1
            last_end = end
            blocks.append(Block(begin + start + 1, tok.content.strip(), "code", run))
        elif tok.type == "html_block" and tok.map is not None:
            text = re.sub(r"<[^>]*>", " ", tok.content)
            text = re.sub(r"\s+", " ", text).strip()
            if text:
                run += 1
                blocks.append(Block(tok.map[0] + start + 1, text, "html", run))
    return blocks


_HTML_BREAK = re.compile(r"<\s*/?\s*(?:br|p|div|li|hr)\b", re.I)


def _inline_text(token) -> str:
    parts: list[str] = []
    for child in token.children or ():
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak") or (child.type == "html_inline" and _HTML_BREAK.match(child.content)):
            parts.append(" ")  # a line break, "<br>" or "<p>" between words is a space
    # images are left out: an image inside a sentence is an icon, not words of the story
    return re.sub(r"[ \t]+", " ", "".join(parts))


def _alt_text(token) -> str:
    """The alt text of a paragraph's images, inline markup removed ("![Kerry *arrives*](k.jpg)")."""
    alts = (
        _inline_text(child).strip()
        for child in token.children or ()
        if child.type == "image"
    )
    return " ".join(alt for alt in alts if alt)
