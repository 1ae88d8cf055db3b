"""Drop the rules of a stylesheet that can match nothing in the built site (a small PurgeCSS).

A selector is kept when every class it requires appears as a word somewhere in the site's HTML or JavaScript, so
classes that scripts add at run time stay. Classes inside functional pseudo-classes (`:not(.x)`, `:is(...)`) are
not required, since the selector can match without them. Licence comments (`/*! ... */`) are kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import tinycss2

WORD = re.compile(r"[A-Za-z0-9_-]+")
_CLASS = re.compile(r"\.(-?[_a-zA-Z][_a-zA-Z0-9-]*)")
_FUNCTIONAL = re.compile(r":{1,2}[a-zA-Z-]+\(")
_LICENCE = re.compile(r"/\*![\s\S]*?\*/")
# At-rules whose body is a list of rules to purge in turn; every other at-rule (font-face, keyframes...) stays.
_NESTED = {"media", "supports", "layer", "container", "document"}


def words(texts: Iterable[str]) -> set[str]:
    """Every word-like token (class names included) in the given HTML or JavaScript texts."""
    found: set[str] = set()
    for text in texts:
        found.update(WORD.findall(text))
    return found


def _without_functional(selector: str) -> str:
    """The selector with the arguments of functional pseudo-classes removed (nesting respected)."""
    out, i = [], 0
    while (m := _FUNCTIONAL.search(selector, i)) is not None:
        out.append(selector[i : m.start()])
        depth, j = 1, m.end()
        while j < len(selector) and depth:
            depth += {"(": 1, ")": -1}.get(selector[j], 0)
            j += 1
        i = j
    out.append(selector[i:])
    return "".join(out)


def _split(prelude: str) -> list[str]:
    """Split a selector list on top-level commas."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(prelude):
        depth += {"(": 1, "[": 1, ")": -1, "]": -1}.get(ch, 0)
        if ch == "," and depth == 0:
            parts.append(prelude[start:i])
            start = i + 1
    parts.append(prelude[start:])
    return [p.strip() for p in parts if p.strip()]


def selector_can_match(selector: str, used: set[str]) -> bool:
    if "\\" in selector:  # escaped class names: keep rather than guess
        return True
    return all(name in used for name in _CLASS.findall(_without_functional(selector)))


def _purge_rules(rules, used: set[str]) -> str:
    out = []
    for rule in rules:
        if rule.type == "qualified-rule":
            kept = [s for s in _split(tinycss2.serialize(rule.prelude)) if selector_can_match(s, used)]
            if kept:
                out.append(",".join(kept) + "{" + tinycss2.serialize(rule.content) + "}")
        elif rule.type == "at-rule":
            prelude = tinycss2.serialize(rule.prelude)
            if rule.content is None:
                out.append(f"@{rule.at_keyword}{prelude};")
            elif rule.lower_at_keyword in _NESTED:
                inner = _purge_rules(
                    tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True), used
                )
                if inner:
                    out.append(f"@{rule.at_keyword}{prelude}{{{inner}}}")
            else:
                out.append(f"@{rule.at_keyword}{prelude}{{{tinycss2.serialize(rule.content)}}}")
    return "".join(out)


def purge(css: str, used: set[str]) -> str:
    """`css` without the rules that cannot match; `@charset` and licence comments kept at the top."""
    charset = '@charset "UTF-8";\n' if css.lstrip().lower().startswith("@charset") else ""
    licences = "\n".join(_LICENCE.findall(css))
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    body = _purge_rules([r for r in rules if not (r.type == "at-rule" and r.lower_at_keyword == "charset")], used)
    return charset + (licences + "\n" if licences else "") + body + "\n"


# Custom properties and keyframes: a theme defines hundreds of variables (every Bootstrap colour, light and dark) of
# which the rules left after the purge read a part; PurgeCSS's `variables` and `keyframes` options do the same.
_VAR_USE = re.compile(r"var\(\s*(--[A-Za-z0-9_-]+)")
_PROPERTY = re.compile(r"--[A-Za-z0-9_-]+")


def referenced_variables(css_texts: Iterable[str], other_texts: Iterable[str] = ()) -> set[str]:
    """Custom properties something reads: `var(--x)` in a stylesheet, or `--x` anywhere in a page or script
    (an inline style, `style.setProperty("--x", ...)`)."""
    found: set[str] = set()
    for text in css_texts:
        found.update(_VAR_USE.findall(text))
    for text in other_texts:
        found.update(_PROPERTY.findall(text))
    return found


def _declarations_without(content, unused: set[str]) -> str | None:
    """The block's declarations without those of `unused` custom properties; None when the block holds anything
    but declarations (nested rules: left as they are)."""
    kept = []
    for node in tinycss2.parse_declaration_list(content, skip_comments=True, skip_whitespace=True):
        if node.type != "declaration":
            return None
        if node.name not in unused:
            kept.append(node.serialize())
    return ";".join(kept)


def _drop_rules(rules, keep_variable, keep_keyframes) -> str:
    out = []
    for rule in rules:
        if rule.type == "qualified-rule":
            names = {
                node.name
                for node in tinycss2.parse_declaration_list(rule.content, skip_comments=True, skip_whitespace=True)
                if node.type == "declaration" and node.name.startswith("--")
            }
            unused = {name for name in names if not keep_variable(name)}
            body = _declarations_without(rule.content, unused) if unused else None
            if body is None:
                out.append(tinycss2.serialize([rule]))
            elif body:
                out.append(tinycss2.serialize(rule.prelude) + "{" + body + "}")
        elif rule.type == "at-rule" and rule.lower_at_keyword in _NESTED and rule.content is not None:
            inner = _drop_rules(
                tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True),
                keep_variable,
                keep_keyframes,
            )
            if inner:
                out.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{inner}}}")
        elif rule.type == "at-rule" and rule.lower_at_keyword.endswith("keyframes"):
            if keep_keyframes(tinycss2.serialize(rule.prelude).strip()):
                out.append(tinycss2.serialize([rule]))
        else:
            out.append(tinycss2.serialize([rule]))
    return "".join(out)


def drop_unread(css: str, variables: set[str], words_used: set[str]) -> str:
    """`css` without declarations of custom properties not in `variables` (see referenced_variables) and without
    `@keyframes` whose name is not in `words_used` (the words of every stylesheet's rules, pages and scripts);
    a rule left with no declaration goes too. `@charset` and licence comments stay at the top."""
    charset = '@charset "UTF-8";\n' if css.lstrip().lower().startswith("@charset") else ""
    licences = "\n".join(_LICENCE.findall(css))
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    body = _drop_rules(
        [r for r in rules if not (r.type == "at-rule" and r.lower_at_keyword == "charset")],
        keep_variable=lambda name: name in variables,
        keep_keyframes=lambda name: name in words_used,
    )
    return charset + (licences + "\n" if licences else "") + body + "\n"


def animation_names(css_texts: Iterable[str]) -> set[str]:
    """Words of the stylesheets outside their `@keyframes` blocks (where an animation is named)."""
    found: set[str] = set()
    for text in css_texts:
        for rule in tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True):
            if not (rule.type == "at-rule" and rule.lower_at_keyword.endswith("keyframes")):
                found.update(WORD.findall(tinycss2.serialize([rule])))
    return found
