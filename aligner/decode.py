"""Bytes to text: byte-order marks, UTF-8, UTF-16 without a mark, and a single-byte fallback.

Refuses binary files (images, PDFs, archives, NUL-laden data) with a reason a user can act on.
Decoding never changes what the text says: where bytes are invalid, they become U+FFFD and the
caller is told (`Decoded.replaced`), rather than the whole file being read in the wrong code page.
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
    (b"RIFF", "a RIFF file (WebP image, WAV or AVI)"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/OpenDocument file)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x28\xb5\x2f\xfd", "a zstd archive"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"\x7fELF", "an executable"),
    (b"MZ", "a Windows executable"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"{\\rtf", "an RTF document"),
)

def _binary_bytes(data: bytes) -> bool:
    return any(b < 0x09 or 0x0E <= b < 0x20 for b in data[2:64])


#: Signatures that are printable words ("MZ Corp. reported...", "RIFF between the leaders...",
#: "BZh."): the file is that format only when what follows is too.
_CONFIRMS = {
    b"MZ": _binary_bytes,  # an executable's header holds control and NUL bytes at once
    b"RIFF": lambda data: data[8:12] in (b"WAVE", b"WEBP", b"AVI "),
    b"BZh": lambda data: data[3:4].isdigit() and data[4:10] in (b"1AY&SY", b"\x17rE8P\x90"),
}
# UTF-32 first: its little-endian mark begins with UTF-16's.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_SAMPLE = 64 * 1024
#: Invalid bytes tolerated in otherwise valid UTF-8 before the file is read in a single-byte code
#: page instead: a scrape cut mid-character or a stray Latin-1 byte, not a Latin-1 file. A
#: Latin-1 file with accents has no valid multi-byte sequences at all, so it is never caught here.
_MAX_INVALID_UTF8_SHARE = 0.01


class UndecodableError(ValueError):
    """The bytes are not text Synoptic can read; the message says what they look like."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    guessed: bool  # True when no reliable marker told us the encoding
    replaced: int = 0  # invalid byte sequences shown as U+FFFD


def decode(data: bytes) -> Decoded:
    """Decode article bytes, or raise UndecodableError with a one-line reason."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            codec = encoding.removesuffix("-sig")
            try:
                return Decoded(data[len(bom) :].decode(codec), encoding, False)
            except UnicodeDecodeError as e:
                raise UndecodableError(f"invalid {encoding} after its byte-order mark ({e.reason})") from None
    for signature, what in _BINARY_SIGNATURES:
        confirm = _CONFIRMS.get(signature)
        if data.startswith(signature) and (confirm is None or confirm(data)):
            raise UndecodableError(f"binary file: looks like {what}, not text")
    utf16 = _utf16_without_bom(data)
    if utf16:
        return utf16
    if b"\x00" in data[:_SAMPLE]:
        raise UndecodableError("binary file: contains NUL bytes, not text")
    try:
        return Decoded(data.decode("utf-8"), "utf-8", False)
    except UnicodeDecodeError:
        pass
    mostly_utf8 = _mostly_utf8(data)
    if mostly_utf8:
        return mostly_utf8
    return _single_byte(data)


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """Spot UTF-16 without a byte-order mark: mostly-ASCII text leaves every other byte NUL, and
    text in one alphabetic script leaves every other byte that script's block or NUL.

    NUL-padded binary data can show the same pattern, so the decoded text must also look like
    text: no control characters, and not made of code points whose two bytes are both printable
    ASCII (what "abc\\0def\\0" turns into), which real text in any script rarely is."""
    if len(data) < 4:
        return None
    sample = data[: _SAMPLE & ~1]
    half = len(sample) // 2
    even_nul = sample[0::2].count(0) / half
    odd_nul = sample[1::2].count(0) / half
    if odd_nul > 0.3 and even_nul < 0.05 or _one_script(sample[1::2], odd_nul, even_nul):
        encoding = "utf-16-le"
    elif even_nul > 0.3 and odd_nul < 0.05 or _one_script(sample[0::2], even_nul, odd_nul):
        encoding = "utf-16-be"
    else:
        return None
    try:
        text = data[: len(data) & ~1].decode(encoding)
    except UnicodeDecodeError:
        return None
    if len(data) % 2:  # a stray last byte: keep it visible rather than failing
        text += "\ufffd"
    head = text[: _SAMPLE // 2]
    if _control_ratio(head) > 0.01:
        return None
    wide = [ch for ch in head if ord(ch) > 0xFF]
    ascii_pairs = sum(1 for ch in wide if 0x20 <= ord(ch) >> 8 <= 0x7E and 0x20 <= ord(ch) & 0xFF <= 0x7E)
    if wide and ascii_pairs > 0.5 * len(wide) and ascii_pairs > 0.02 * len(head):
        return None
    return Decoded(text, encoding, True, replaced=len(data) % 2)


def _one_script(high: bytes, high_nul: float, low_nul: float) -> bool:
    """UTF-16 of one alphabetic script (Cyrillic, Greek, Arabic, Hebrew...): the high bytes are
    nearly all that script's block or NUL (spaces, digits, punctuation), the low bytes rarely NUL."""
    if high_nul < 0.05 or low_nul >= 0.05:
        return False
    counts = sorted((high.count(b) for b in set(high)), reverse=True)
    return sum(counts[:2]) >= 0.95 * len(high)


def _mostly_utf8(data: bytes) -> Decoded | None:
    """UTF-8 with a few invalid bytes: keep UTF-8 and show those bytes as U+FFFD."""
    text = data.decode("utf-8", errors="replace")
    invalid = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    multibyte = sum(1 for ch in text if ord(ch) > 0x7F and ch != "\ufffd")
    if multibyte and invalid <= max(2, _MAX_INVALID_UTF8_SHARE * len(text)) and invalid <= multibyte:
        return Decoded(text, "utf-8", False, replaced=invalid)
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
