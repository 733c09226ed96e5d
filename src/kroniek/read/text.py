"""Bytes to text: BOMs, UTF-8, Western legacy encodings and charset detection; plain-text documents."""

from __future__ import annotations

import codecs
import re

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


def decode_bytes(data: bytes, where: str, declared: str | None = None) -> str:
    """Decode `data` to text; raise InputError E003 (binary) or E005 (no encoding fits).

    The order: a byte-order mark, UTF-8, a `declared` encoding (an HTML meta charset), cp1252 when
    the result looks like Western European text (which also covers latin-1), then charset-normalizer.
    Short Dutch text defeats statistical detection (it guesses mac_latin2 for "één café"), hence
    the cp1252 step before it.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as err:
                raise InputError(Errors.E005, where) from err
    if b"\x00" in data[:BINARY_SNIFF]:
        raise InputError(Errors.E003, where)
    candidates = ["utf-8"]
    if declared:
        try:
            candidates.append(codecs.lookup(declared).name)
        except LookupError:
            pass
    for encoding in candidates:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    if text is not None and _looks_western(text):
        return text
    best = from_bytes(data).best()
    if best is None:
        raise InputError(Errors.E005, where)
    try:
        text = data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError) as err:
        raise InputError(Errors.E005, where) from err
    if len(_CONTROL.findall(text)) > _MAX_CONTROL_SHARE * len(text):
        raise InputError(Errors.E005, where)
    return text


def normalise_newlines(text: str) -> str:
    """Turn Windows (CRLF) and old Mac (CR) line ends into \\n; nothing else changes."""
    return _NEWLINES.sub("\n", text)


def text_from_bytes(data: bytes, where: str) -> str:
    """The text of a plain-text document; raise InputError E003/E004/E005 for unusable input."""
    text = normalise_newlines(decode_bytes(data, where))
    if not text.strip():
        raise InputError(Errors.E004, where)
    return text
