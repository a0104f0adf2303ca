"""Bytes to text: byte-order marks, UTF-8, UTF-16 without a mark, and a single-byte fallback.

Refuses binary files (images, PDFs, archives, NUL-laden data) with a reason a user can act on.
"""

from __future__ import annotations

from dataclasses import dataclass

# Magic numbers of formats people rename to .txt by mistake.
_BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/OpenDocument file)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"\x7fELF", "an executable"),
    (b"{\\rtf", "an RTF document"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_SAMPLE = 64 * 1024


class UndecodableError(ValueError):
    """The bytes are not text Synoptic can read; the message says what they look like."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    guessed: bool  # True when no reliable marker told us the encoding


def decode(data: bytes) -> Decoded:
    """Decode article bytes, or raise UndecodableError with a one-line reason."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom) :].decode(encoding.removesuffix("-sig")), encoding, False)
            except UnicodeDecodeError as e:
                raise UndecodableError(f"invalid {encoding} after its byte-order mark ({e.reason})") from e
    for signature, what in _BINARY_SIGNATURES:
        if data.startswith(signature):
            raise UndecodableError(f"binary file: looks like {what}, not text")
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            return Decoded(data.decode(utf16), utf16, True)
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:_SAMPLE]:
        raise UndecodableError("binary file: contains NUL bytes, not text")
    try:
        return Decoded(data.decode("utf-8"), "utf-8", False)
    except UnicodeDecodeError:
        pass
    return _single_byte(data)


def _utf16_without_bom(data: bytes) -> str | None:
    """Spot UTF-16 without a byte-order mark: mostly-ASCII text leaves every other byte NUL."""
    sample = data[: _SAMPLE & ~1]
    if len(sample) < 4:
        return None
    even_nul = sample[0::2].count(0) / (len(sample) // 2)
    odd_nul = sample[1::2].count(0) / (len(sample) // 2)
    if odd_nul > 0.3 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.3 and odd_nul < 0.05:
        return "utf-16-be"
    return None


def _single_byte(data: bytes) -> Decoded:
    """Neither UTF-8 nor UTF-16: take the most plausible single-byte code page."""
    from charset_normalizer import from_bytes

    best = from_bytes(
        data[:_SAMPLE], cp_isolation=["cp1252", "latin_1", "iso8859_15", "cp1251", "iso8859_2", "mac_roman"]
    ).best()
    encoding = best.encoding if best is not None else "cp1252"
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        encoding, text = "latin-1", data.decode("latin-1")
    if _control_ratio(text) > 0.1:
        raise UndecodableError("binary file: mostly control bytes, not text")
    return Decoded(text, encoding, True)


def _control_ratio(text: str) -> float:
    sample = text[:_SAMPLE]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\n\r\f") or 0x7F <= ord(ch) < 0xA0)
    return bad / len(sample)
