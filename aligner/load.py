"""Inputs to `Source`s and role-tagged, segmented `Paragraph`s: the first stages of the pipeline."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from aligner.ingest import IngestError, read_article
from aligner.inputs import collect_inputs
from aligner.metadata import describe, front_matter_notes
from aligner.model import LoadProblem, Paragraph, Source
from aligner.roles import assign_roles
from aligner.segment import split_sentences


@dataclass(frozen=True, slots=True)
class Loaded:
    sources: tuple[Source, ...]
    paragraphs: tuple[Paragraph, ...]
    problems: tuple[LoadProblem, ...]


def load(paths: Sequence[str | Path], labels: Sequence[str] | None = None) -> Loaded:
    """Read every input; unreadable ones become problems, the rest sources.

    `labels` name the articles in input order (after directories are expanded), whether or not
    each one could be read, so a label always lands on the file the user meant."""
    inputs = collect_inputs([str(p) for p in paths])
    problems = list(inputs.problems)
    labels = list(labels or ())
    if 0 < len(labels) < inputs.articles:
        problems.append(LoadProblem(
            "--label",
            f"{len(labels)} label{'s' if len(labels) > 1 else ''} for {inputs.articles} articles; "
            "the others are named by their front matter or file",
            skipped=False,
        ))
    sources: list[Source] = []
    paragraphs: list[Paragraph] = []
    used_ids: set[str] = set()
    used_labels: set[str] = set()
    for position, path in zip(inputs.places, inputs.files):
        try:
            article = read_article(path)
            roles = assign_roles(article.blocks, article.front_matter.get("title"))
            about = describe(article.blocks, roles, article.front_matter)
            segmented = [split_sentences(block.text) for block in article.blocks]
        except IngestError as e:
            problems.append(LoadProblem(str(path), str(e)))
            continue
        except RecursionError:
            problems.append(LoadProblem(str(path), "too deeply nested to read"))
            continue
        except Exception as e:  # noqa: BLE001 - one odd file must not cost the user the others
            problems.append(LoadProblem(str(path), f"could not be read ({type(e).__name__}: {e})"))
            continue
        if article.encoding_guessed and not article.encoding.startswith("utf-16"):
            problems.append(
                LoadProblem(str(path), f"not UTF-8 or UTF-16; read as {article.encoding}", skipped=False)
            )
        for note in (*article.notes, *front_matter_notes(article.front_matter)):
            problems.append(LoadProblem(str(path), note, skipped=False))
        if article.replaced:
            problems.append(
                LoadProblem(
                    str(path),
                    f"{article.replaced} invalid {article.encoding.upper()} byte sequence"
                    f"{'s' if article.replaced > 1 else ''} shown as \ufffd",
                    skipped=False,
                )
            )
        source_id = _unique_id(path.name, used_ids)
        given = " ".join(labels[position].split()) if position < len(labels) else ""
        wanted = given or article.front_matter.get("label") or path.stem or path.name
        label = _unique_id(wanted, used_labels)  # two columns never share a name
        if label != wanted and given:
            problems.append(LoadProblem(str(path), f"label {wanted!r} is another column's; shown as {label!r}", skipped=False))
        sources.append(
            Source(
                id=source_id,
                path=str(path),
                label=label,
                title=about.title,
                outlet=about.outlet,
                published=about.published,
                encoding=article.encoding,
                url=" ".join(str(article.front_matter.get("url", "")).split()) or None,
            )
        )
        for index, (block, role, sentences) in enumerate(zip(article.blocks, roles, segmented)):
            paragraphs.append(Paragraph(source_id, index, block.line, role, block.text, sentences))
    return Loaded(tuple(sources), tuple(paragraphs), tuple(problems))


def _unique_id(name: str, used: set[str]) -> str:
    """The name, or name#2, #3... when another input already has it (a file's base name, a
    column's label)."""
    candidate, n = name, 1
    while candidate in used:
        n += 1
        candidate = f"{name}#{n}"
    used.add(candidate)
    return candidate
