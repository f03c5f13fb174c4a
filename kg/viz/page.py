"""What every page kg writes shares: safe text, inlined assets, a strict CSP.

A page works with no network.  Scripts and stylesheets are inlined, and a
Content-Security-Policy forbids every fetch and runs only the page's own
scripts (by hash), so markup smuggled in through article text could not run a
handler even if escaping failed.

Untrusted text (labels, tooltips, headlines, the title) reaches a page only
- as JSON in a ``<script type="application/json">`` block, with ``<``, ``>``,
  ``&``, line separators and bidi controls written as ``\\u`` escapes; the page
  reads it with JSON.parse and shows it on a canvas or through textContent;
- as HTML text escaped by ``escape_text``.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from pathlib import Path

from kg.errors import ResourceError

# Characters that must not appear raw in the page: "<", ">" and "&" could close
# the script block or start markup; the rest reorder or break displayed text.
_BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_LINE_SEPARATORS = "\u2028\u2029"
_JSON_ESCAPES = {ord(char): f"\\u{ord(char):04x}" for char in "<>&" + _LINE_SEPARATORS + _BIDI_CONTROLS}
_TEXT_ESCAPES = {ord(char): f"&#x{ord(char):x};" for char in _LINE_SEPARATORS + _BIDI_CONTROLS}

_PLACEHOLDER = re.compile(r"@@(\w+)@@")


def escape_text(text: str) -> str:
    """``text`` as HTML text or attribute value: markup and bidi controls escaped."""
    return html.escape(text, quote=True).translate(_TEXT_ESCAPES)


def json_for_script(value: object) -> str:
    """``value`` as JSON that cannot end or confuse the script block holding it.

    The escaped characters can only occur inside JSON strings, where ``\\uXXXX``
    decodes to the same character.
    """
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).translate(_JSON_ESCAPES)


def fill_template(template: str, values: dict[str, str], scripts: dict[str, str]) -> str:
    """``template`` (a file of kg.viz) with its ``@@name@@`` placeholders filled;
    ``scripts`` are inlined too and are the only ones the page's CSP lets run.
    Values are inserted as given: escape them first."""
    values = {**values, **scripts, "csp": content_security_policy(scripts.values())}
    return _PLACEHOLDER.sub(lambda match: values[match.group(1)], asset(template))


def content_security_policy(scripts: Iterable[str]) -> str:
    hashes = " ".join(f"'sha256-{base64.b64encode(hashlib.sha256(s.encode('utf-8')).digest()).decode()}'"
                      for s in scripts)
    return (f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; img-src data:; "
            "base-uri 'none'; form-action 'none'")


@lru_cache(maxsize=None)
def asset(name: str) -> str:
    """A file of kg.viz, or of pyvis when ``name`` starts with "pyvis:", ready to inline.

    Line ends are normalised as an HTML parser would, so the script hashes in the
    Content-Security-Policy match what the browser sees.
    """
    package, _, path = name.rpartition(":")
    try:
        text = resources.files(package or __package__).joinpath(path).read_text(encoding="utf-8")
    except (OSError, ModuleNotFoundError) as error:
        raise ResourceError("cannot read a file a page inlines", name) from error
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    closing = {".css": "</style", ".js": "</script"}.get(Path(path).suffix)
    if closing and (closing in text.lower() or "<!--" in text):
        raise ResourceError("a file a page inlines would end its own block", name)
    return text
