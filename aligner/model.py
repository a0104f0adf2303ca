"""The data model shared by every stage, the report and the app.

Everything is a frozen, slotted dataclass. Text lives once, in `Paragraph.text`; everything else
points into it with character offsets (`Span`), so the UI can turn spans into styles and the
report can quote them without copies drifting apart.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Literal, get_args

Role = Literal["headline", "body", "lead-in", "caption", "meta", "boilerplate"]
ROLES: tuple[Role, ...] = get_args(Role)
#: Roles that carry the story and are grouped by topic.
STORY_ROLES: frozenset[str] = frozenset({"body", "lead-in"})
#: Text around the story (the headline aside): never grouped, shown dimmed or hidden.
FURNITURE_ROLES: frozenset[str] = frozenset({"caption", "meta", "boilerplate"})

MatchKind = Literal["verbatim", "near-verbatim", "paraphrase"]
FlagKind = Literal["number", "date", "name", "negation", "certainty", "attribution", "altered-quote"]
FLAG_KINDS: tuple[FlagKind, ...] = get_args(FlagKind)


@dataclass(frozen=True, slots=True)
class Source:
    """One input article."""

    id: str  # the input file's base name, made unique when two inputs share it
    path: str
    label: str  # the column name: --label, else the front matter's label, else the file name
    title: str | None = None
    outlet: str | None = None
    published: date | None = None
    encoding: str = "utf-8"
    url: str | None = None  # the front matter's url: where the article was published


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence as character offsets into its paragraph's text."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of one article, with its role and its sentences."""

    source: str  # Source.id
    index: int  # 0-based position among all paragraphs of its article (its number there)
    line: int  # 1-based line of the file where the paragraph starts
    role: Role
    text: str  # as written, except for container escapes (\" in an escaped field)
    sentences: tuple[Sentence, ...] = ()

    @property
    def key(self) -> ParagraphKey:
        return (self.source, self.index)


ParagraphKey = tuple[str, int]  # (Source.id, Paragraph.index)


@dataclass(frozen=True, slots=True)
class Span:
    """A character range inside one paragraph."""

    source: str
    paragraph: int  # Paragraph.index
    start: int
    end: int

    @property
    def key(self) -> ParagraphKey:
        return (self.source, self.paragraph)


@dataclass(frozen=True, slots=True)
class SentenceRef:
    """One sentence with its text and place: what the matcher, provenance and the flag gate compare."""

    paragraph: ParagraphKey
    start: int  # offsets of the sentence in the paragraph text
    end: int
    text: str

    @property
    def source(self) -> str:
        return self.paragraph[0]

    def span(self) -> Span:
        return Span(self.paragraph[0], self.paragraph[1], self.start, self.end)


def sentence_refs(paragraphs: Iterable[Paragraph]) -> list[SentenceRef]:
    """Every sentence of `paragraphs`, in order."""
    return [SentenceRef(p.key, s.start, s.end, p.text[s.start : s.end]) for p in paragraphs for s in p.sentences]


def story_paragraphs(paragraphs: Iterable[Paragraph]) -> list[Paragraph]:
    """The paragraphs that tell the story (body and lead-ins), in input order: what is grouped,
    matched and compared."""
    return [p for p in paragraphs if p.role in STORY_ROLES]


def story_sentences(paragraphs: Iterable[Paragraph]) -> list[SentenceRef]:
    """Every sentence of the story paragraphs, in order."""
    return sentence_refs(story_paragraphs(paragraphs))


@dataclass(frozen=True, slots=True)
class Group:
    """One row: the paragraphs of each source on one sub-topic, in each article's order."""

    id: int  # position in reading order
    label: str
    members: tuple[ParagraphKey, ...]


@dataclass(frozen=True, slots=True)
class Match:
    """Two sentences from different sources that state the same fact."""

    a: Span
    b: Span
    score: float
    kind: MatchKind


@dataclass(frozen=True, slots=True)
class Flag:
    """A difference between two statements of the same fact that an analyst should check."""

    kind: FlagKind
    a: Span
    b: Span
    explanation: str
    score: float


@dataclass(frozen=True, slots=True)
class Reuse:
    """A passage of `copy` that repeats `original` word for word or nearly so.

    `original` is the source the text most likely comes from (the one that presents it as its own
    reporting); the app uses this to show which text is copied."""

    original: Span
    copy: Span
    score: float


@dataclass(frozen=True, slots=True)
class LoadProblem:
    """An input that could not be read (or was read with a caveat), and why, in one line."""

    path: str
    reason: str
    skipped: bool = True  # False: the input was read, the reason is a warning


@dataclass(frozen=True, slots=True)
class Alignment:
    """The result of aligning a cluster of articles."""

    sources: tuple[Source, ...]
    paragraphs: tuple[Paragraph, ...]
    groups: tuple[Group, ...]
    matches: tuple[Match, ...] = ()
    flags: tuple[Flag, ...] = ()
    reuse: tuple[Reuse, ...] = ()
    problems: tuple[LoadProblem, ...] = ()
    #: The source ids of each story the articles tell, when they tell more than one (articles on
    #: unrelated events are aligned apart, each story's rows after the last's); empty: one story.
    stories: tuple[tuple[str, ...], ...] = ()
    _by_key: dict[ParagraphKey, Paragraph] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _story_of: dict[str, int] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._by_key.update((p.key, p) for p in self.paragraphs)
        self._story_of.update((sid, k) for k, ids in enumerate(self.stories) for sid in ids)

    def paragraph(self, key: ParagraphKey) -> Paragraph:
        return self._by_key[key]

    def span_text(self, span: Span) -> str:
        return self._by_key[span.key].text[span.start : span.end]

    def story_of(self, source: str) -> int:
        """The number (from 0) of the story a source tells."""
        return self._story_of.get(source, 0)

    @property
    def title(self) -> str | None:
        """The story's title: the first source's that has one."""
        return next((s.title for s in self.sources if s.title), None)

    def to_json(self) -> dict:
        """The `synoptic-alignment` v1 report (see aligner.report)."""
        from aligner.report import alignment_to_json

        return alignment_to_json(self)
