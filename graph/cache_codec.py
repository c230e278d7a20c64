"""The extraction cache's file format: plain JSON of the records, checked on read.

A cache entry is data, never code: decoding builds only the project's own
records (Document, Section, Mention, Attribute, Relation, Evidence, Value) from
JSON strings and integers, and refuses anything of another shape, so a file
planted in the cache cannot run anything. An entry is two lines: a header
with the format and a SHA-256 over (code version, input key, payload), then the
payload. An entry whose payload was edited, truncated, or written for another
input or another version of the code fails the check and is ignored (the
document is extracted again). The check is a hash, not a signature: it catches
damage and mistakes, while the cache folder's permissions keep others out.
"""
from __future__ import annotations

import hashlib
import json
from typing import Any, get_args

from graph.model import Attribute, Datatype, Document, Evidence, Extraction, Mention, Relation, Section, Value

FORMAT = "migkg-cache/3"
_DATATYPES = frozenset(get_args(Datatype))


class CorruptEntry(ValueError):
    """An entry that is not exactly what `encode` writes (edited, truncated or foreign)."""


def _check(version: str, key: str, payload: bytes) -> str:
    h = hashlib.sha256(f"{FORMAT}\0{version}\0{key}\0".encode())
    h.update(payload)
    return h.hexdigest()


def encode(version: str, key: str, document: Document, extraction: Extraction, notes: tuple[str, ...]) -> bytes:
    """The bytes of one entry (deterministic: the same records give the same bytes)."""
    payload = json.dumps({
        "document": [document.doc_id, document.path, document.title, document.text, document.sha256,
                     [[s.title, s.start, s.end, s.kind] for s in document.sections]],
        "mentions": [[m.ref, m.cls, m.label, _ev(m.evidence), list(m.aliases)] for m in extraction.mentions],
        "attributes": [[a.ref, a.prop, a.value.lexical, a.value.datatype, _ev(a.evidence)]
                       for a in extraction.attributes],
        "relations": [[r.subject, r.prop, r.object, _ev(r.evidence)] for r in extraction.relations],
        "notes": list(notes),
    }, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    header = json.dumps({"format": FORMAT, "check": _check(version, key, payload)}).encode()
    return header + b"\n" + payload + b"\n"


def decode(data: bytes, version: str, key: str) -> tuple[Document, Extraction, tuple[str, ...]]:
    """The records of an entry; CorruptEntry unless it is intact and made for this key and code."""
    head, sep, rest = data.partition(b"\n")
    if not sep or not rest.endswith(b"\n"):
        raise CorruptEntry("truncated")
    payload = rest[:-1]
    try:
        header = json.loads(head)
    except ValueError:
        raise CorruptEntry("bad header") from None
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise CorruptEntry("another format")
    if header.get("check") != _check(version, key, payload):
        raise CorruptEntry("checksum mismatch")
    try:
        p = json.loads(payload)
        return _records(p)
    except (ValueError, TypeError, KeyError, IndexError) as exc:
        raise CorruptEntry(f"bad payload ({exc})") from None


def _ev(e: Evidence) -> list:
    return [e.doc, e.start, e.end, e.quote, e.rule]


def _str(x: Any) -> str:
    if type(x) is not str:
        raise TypeError("expected a string")
    return x


def _int(x: Any) -> int:
    if type(x) is not int:
        raise TypeError("expected an integer")
    return x


def _list(x: Any, n: int | None = None) -> list:
    if type(x) is not list or (n is not None and len(x) != n):
        raise TypeError("expected a list" + (f" of {n}" if n is not None else ""))
    return x


def _evidence(x: Any) -> Evidence:
    doc, start, end, quote, rule = _list(x, 5)
    return Evidence(_str(doc), _int(start), _int(end), _str(quote), _str(rule))


def _records(p: Any) -> tuple[Document, Extraction, tuple[str, ...]]:
    if type(p) is not dict:
        raise TypeError("expected an object")
    doc_id, path, title, text, sha, sections = _list(p["document"], 6)
    document = Document(_str(doc_id), _str(path), _str(title), _str(text), _str(sha),
                        tuple(Section(_str(t), _int(s), _int(e), _str(k))
                              for t, s, e, k in (_list(x, 4) for x in _list(sections))))
    if hashlib.sha256(document.text.encode("utf-8")).hexdigest() != document.sha256:
        raise ValueError("document text does not match its checksum")
    ex = Extraction()
    for ref, cls, label, ev, aliases in (_list(x, 5) for x in _list(p["mentions"])):
        ex.mentions.append(Mention(_str(ref), _str(cls), _str(label), _evidence(ev),
                                   tuple(_str(a) for a in _list(aliases))))
    for ref, prop, lexical, datatype, ev in (_list(x, 5) for x in _list(p["attributes"])):
        if datatype not in _DATATYPES:
            raise ValueError(f"unknown datatype {datatype!r}")
        ex.attributes.append(Attribute(_str(ref), _str(prop), Value(_str(lexical), datatype), _evidence(ev)))
    for s, prop, o, ev in (_list(x, 4) for x in _list(p["relations"])):
        ex.relations.append(Relation(_str(s), _str(prop), _str(o), _evidence(ev)))
    return document, ex, tuple(_str(n) for n in _list(p["notes"]))
