"""Bytes to text: BOMs, UTF-8, Western legacy encodings and charset detection; plain-text documents."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import ftfy
import ftfy.bad_codecs  # noqa: F401  (registers "sloppy-windows-1252": every byte decodes)
from charset_normalizer import from_bytes

from kroniek.errors import Errors, InputError

_BOMS = (  # longest first: the UTF-32 LE BOM begins with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
BINARY_SNIFF = 8192  # a NUL byte in the first 8 KB marks a file as binary (as git and grep decide)

# Characters that cp1252 text in Dutch, English, German, French, Spanish or Italian plausibly holds
# beyond ASCII: accented letters, typographic quotes and dashes, currency and a few signs.
_WESTERN = set(
    "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝßàáâãäåæçèéêëìíîïñòóôõöøùúûüýÿŒœŠšŽžŸ"
    "‘’‚“”„–—…•€£¥¢«»°§©®™·½¼¾¡¿´\u00a0"
)
# Legacy Cyrillic or Greek read as cp1252 comes out as accented letters too, but nearly every letter
# is one; in Western European text they are a small minority.
_MAX_ACCENTED_SHARE = 0.3
_NEWLINES = re.compile(r"\r\n?")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ufffd]")
_MAX_CONTROL_SHARE = 0.01  # a guessed encoding that yields control characters is a wrong guess
# Mixed UTF-8 and Windows-1252 is a UTF-8 text with a few pasted characters (or the reverse): past
# this share of stray bytes the bytes are noise or another encoding.
_MAX_STRAY_SHARE = 0.25


def _looks_western(text: str) -> bool:
    letters = accented = 0
    for char in text:
        if char.isascii():
            letters += char.isalpha()
        elif char not in _WESTERN:
            return False
        elif char.isalpha():
            letters += 1
            accented += 1
    return letters > 0 and accented / letters <= _MAX_ACCENTED_SHARE


@dataclass(frozen=True)
class Decoded:
    """A document's text and, when its bytes mixed encodings, what was repaired (for a warning)."""

    text: str
    repaired: str | None = None
    encoding: str = "utf-8"


def _mixed_utf8(data: bytes) -> Decoded | None:
    """UTF-8 with stray Windows-1252 bytes (a pair of quotes pasted in from Word), repaired per
    character by ftfy; None when the bytes hold no UTF-8 sequence at all (a legacy file)."""
    lenient = data.decode("utf-8", errors="replace")
    stray = lenient.count("\ufffd")
    if stray > _MAX_STRAY_SHARE * len(data) or not any(ord(c) > 0x7F and c != "\ufffd" for c in lenient):
        return None
    fixed, steps = ftfy.fix_encoding_and_explain(data.decode("sloppy-windows-1252"))
    if not steps or len(_CONTROL.findall(fixed)) > _MAX_CONTROL_SHARE * len(fixed):
        return None
    return Decoded(fixed, f"UTF-8 with {stray} Windows-1252 byte(s)", "utf-8+cp1252")


def _declared(data: bytes, declared: str | None) -> Decoded | None:
    """The bytes in a page's declared encoding, with UTF-8 pieces inside a legacy one repaired."""
    if not declared:
        return None
    try:
        name = codecs.lookup(declared).name
        text = data.decode(name)
    except (LookupError, UnicodeDecodeError):
        return None
    if name in ("utf-8", "utf-16", "utf-32"):
        return Decoded(text, encoding=name)
    fixed, steps = ftfy.fix_encoding_and_explain(text)
    return Decoded(fixed, f"{name} with UTF-8 sequences", f"{name}+utf-8") if steps else Decoded(text, encoding=name)


def decode_document(data: bytes, where: str, declared: str | None = None) -> Decoded:
    """Decode `data` to text; raise InputError E003 (binary) or E005 (no encoding fits).

    The order: a byte-order mark, UTF-8, a `declared` encoding (an HTML meta charset), UTF-8 with
    stray Windows-1252 bytes (repaired by ftfy, reported in `repaired`), cp1252 when the result
    looks like Western European text (which also covers latin-1), then charset-normalizer. Short
    Dutch text defeats statistical detection (it guesses mac_latin2 for "één café"), hence the
    cp1252 step before it.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom) :].decode(encoding), encoding=encoding)
            except UnicodeDecodeError as err:
                raise InputError(Errors.E005, where) from err
    if b"\x00" in data[:BINARY_SNIFF]:
        raise InputError(Errors.E003, where)
    try:
        return Decoded(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    found = _declared(data, declared) or _mixed_utf8(data)
    if found is not None:
        return found
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    if text is not None and _looks_western(text):
        return Decoded(text, encoding="cp1252")
    return _detected(data, where)


def decode_bytes(data: bytes, where: str, declared: str | None = None) -> str:
    """The text of `data` (decode_document without the repair note)."""
    return decode_document(data, where, declared).text


def _detected(data: bytes, where: str) -> Decoded:
    """The bytes in the encoding charset-normalizer finds; E005 when none gives plausible text."""
    best = from_bytes(data).best()
    if best is None:
        raise InputError(Errors.E005, where)
    try:
        text = data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError) as err:
        raise InputError(Errors.E005, where) from err
    if len(_CONTROL.findall(text)) > _MAX_CONTROL_SHARE * len(text):
        raise InputError(Errors.E005, where)
    return Decoded(text, encoding=best.encoding)


def normalise_newlines(text: str) -> str:
    """Turn Windows (CRLF) and old Mac (CR) line ends into \\n; nothing else changes."""
    return _NEWLINES.sub("\n", text)


def read_text(data: bytes, where: str) -> Decoded:
    """A plain-text document's text and repair note; raise InputError E003/E004/E005 for unusable input."""
    decoded = decode_document(data, where)
    text = normalise_newlines(decoded.text)
    if not text.strip():
        raise InputError(Errors.E004, where)
    return Decoded(text, decoded.repaired, decoded.encoding)


def text_from_bytes(data: bytes, where: str) -> str:
    """The text of a plain-text document; raise InputError E003/E004/E005 for unusable input."""
    return read_text(data, where).text
