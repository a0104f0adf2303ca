"""Bytes to text (aligner.decode): every encoding an analyst's scrape arrives in, and every kind of
binary file renamed to .txt, gives either the text or a one-line reason, never a wrong guess."""

from __future__ import annotations

import os
import random

import pytest

from aligner.decode import UndecodableError, decode

ENGLISH = "Kerry met Lavrov in Moscow on Thursday.\n\nThe talks on Syria would resume on Friday.\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (ENGLISH.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + ENGLISH.encode("utf-8"), "utf-8-sig"),
        (b"\xff\xfe" + ENGLISH.encode("utf-16-le"), "utf-16-le"),
        (b"\xfe\xff" + ENGLISH.encode("utf-16-be"), "utf-16-be"),
        (b"\xff\xfe\x00\x00" + ENGLISH.encode("utf-32-le"), "utf-32-le"),
        (b"\x00\x00\xfe\xff" + ENGLISH.encode("utf-32-be"), "utf-32-be"),
        (ENGLISH.encode("utf-16-le"), "utf-16-le"),
        (ENGLISH.encode("utf-16-be"), "utf-16-be"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf32le-bom", "utf32be-bom", "utf16le", "utf16be"],
)
def test_unicode_encodings_read_exactly(data, encoding):
    decoded = decode(data)
    assert decoded.text == ENGLISH
    assert decoded.encoding == encoding
    assert decoded.replaced == 0


@pytest.mark.parametrize(
    "text",
    ["Привет, мир. Это тест 2016 года.\n", "Γειά σου κόσμε. Δοκιμή.\n", "مرحبا بالعالم. هذا اختبار.\n", "שלום עולם. זה מבחן.\n"],
    ids=["cyrillic", "greek", "arabic", "hebrew"],
)
@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_in_one_alphabetic_script(text, codec):
    assert decode(text.encode(codec)).text == text


def test_utf16_odd_length_keeps_text_and_marks_the_stray_byte():
    decoded = decode(ENGLISH.encode("utf-16-le") + b"x")
    assert decoded.text == ENGLISH + "\ufffd"
    assert decoded.replaced == 1


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "PNG"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "PDF"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
        (b"GIF89a\x01\x00", "GIF"),
        (b"PK\x03\x04\x14\x00", "ZIP"),
        (b"\x1f\x8b\x08\x00", "gzip"),
        (b"\x7fELF\x02\x01\x01", "executable"),
        (b"SQLite format 3\x00", "SQLite"),
        (b"{\\rtf1\\ansi", "RTF"),
        (b"MZ\x90\x00\x03\x00\x00\x00\x04\x00", "Windows executable"),
        (b"RIFF\x24\x08\x00\x00WAVEfmt ", "RIFF"),
        (b"BZh91AY&SY\x8a\x1c", "bzip2"),
    ],
)
def test_binary_signatures_are_named(data, what):
    with pytest.raises(UndecodableError, match=what):
        decode(data)


@pytest.mark.parametrize(
    "text", ["MZ Corp. reported profits on Monday.\n", "RIFF between the two leaders grew.\n", "BZh. The text.\n"]
)
def test_text_that_starts_like_a_signature_is_text(text):
    assert decode(text.encode()).text == text


@pytest.mark.parametrize(
    "data",
    [
        b"abc\x00def\x00" * 64,  # NUL every other byte, but not UTF-16 text
        b"Hello\x00world. This has one NUL byte in it.",
        b"\x00" * 1000,
        random.Random(5).randbytes(4096),
        bytes(range(256)) * 16,
    ],
    ids=["nul-pairs", "one-nul", "all-nul", "random", "all-bytes"],
)
def test_nul_laden_and_random_bytes_are_refused(data):
    with pytest.raises(UndecodableError, match="binary file"):
        decode(data)


def test_mostly_utf8_with_a_broken_byte_stays_utf8():
    data = "Le café de Zürich.\n\nUne deuxième phrase, très française.\n".encode() + b"Cut \xe2\x80\n"
    decoded = decode(data)
    assert decoded.encoding == "utf-8"
    assert decoded.replaced == 1
    assert decoded.text.startswith("Le café de Zürich.")
    assert decoded.text.endswith("Cut \ufffd\n")


def test_latin1_falls_back_to_a_single_byte_code_page_and_says_so():
    decoded = decode("Le café de Zürich. Une deuxième phrase, très française.\n".encode("latin-1"))
    assert decoded.guessed
    assert decoded.text == "Le café de Zürich. Une deuxième phrase, très française.\n"


def test_invalid_utf16_after_bom_is_refused_with_the_reason():
    with pytest.raises(UndecodableError, match="utf-16-le after its byte-order mark"):
        decode(b"\xff\xfe\x00\xd8A\x00")  # a lone high surrogate


def test_an_empty_file_decodes_to_nothing():
    assert decode(b"").text == ""


def test_random_bytes_never_raise_anything_but_undecodable():
    rng = random.Random(1)
    for _ in range(300):
        data = os.urandom(rng.randrange(0, 64)) if rng.random() < 0.5 else bytes(
            rng.choice(b"ab \n\x00\xff\xfe\xc3\xa9") for _ in range(rng.randrange(0, 64))
        )
        try:
            decoded = decode(data)
        except UndecodableError:
            continue
        assert isinstance(decoded.text, str)
