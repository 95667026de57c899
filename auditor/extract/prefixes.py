"""Provider prefixes: a value that announces its provider is judged by that provider's detector.

A token that starts with `ghp_`, `xoxb-`, `sk-ant-` or `glpat-` says which provider issued it, and that
provider's detector knows its exact length, alphabet and checksum. When such a value fails all of its
providers' detectors (a `ghp_` token six characters short, a `glpat-` token with characters GitLab never
issues), no provider would accept it: it is a truncated copy, a fixture or a documentation sample. The generic
key-name rules (`GITHUB_TOKEN=<anything random>`) would report it anyway, as a confident secret; this module
lets them defer to the provider instead (issue 12: most of botaudit's false positives on the peers' negative
cases were exactly these).

The prefixes come from the detectors themselves, never from a list kept here: each detector's declared
`public_prefix` values and the literal start of its `secret` group. Only distinctive ones count, because a
short or word-like prefix (`sk-`, `pk_`, `key-`, `hf_`) is shared by many providers or by ordinary values,
and a value starting with it proves nothing about who issued it.
"""

from __future__ import annotations

import json
import re
import re._constants as sre_constants  # the stdlib's own regex parser: the exact grammar `re` compiles
import re._parser as sre_parse
import string
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from auditor import cache
from auditor.extract.validators import is_cut, validate

if TYPE_CHECKING:
    from auditor.extract.detectors import Detector

__all__ = [
    "PrefixVerdict",
    "Shape",
    "format_shapes",
    "KeyVerdict",
    "ProviderKeys",
    "ProviderPrefixes",
    "names_its_provider",
    "names_word",
    "spells_its_provider",
    "is_distinctive",
    "leading_literal",
    "leading_literals",
    "secret_literal",
    "secret_width",
]

_SEPARATORS = "_-."
# Whole prefixes that are ordinary words plus a separator: many vendors (and many hand-made values) start so.
_WORD_PREFIXES = frozenset({"key", "pat", "sdk", "access", "secret", "token", "api", "app", "user", "pass"})
_ZERO_WIDTH = (sre_constants.ASSERT, sre_constants.ASSERT_NOT, sre_constants.AT)


def leading_literal(pattern: str) -> tuple[str, int]:
    """The case-sensitive literal text every value of the `secret` group starts with ('' when none), and the
    group's minimum length.

    Only when the group opens the pattern (after zero-width assertions) and the pattern has no `key` group: a
    detector that needs text before its value (a key, a URL) cannot judge the bare value on its own. Parsed,
    not compiled: most detectors' regexes stay uncompiled in a scan (detectors.LazyRegex).
    """
    try:
        parsed = sre_parse.parse(pattern)
    except (re.error, RecursionError):
        return "", 0
    groups = parsed.state.groupdict
    secret_group = groups.get("secret")
    if secret_group is None or "key" in groups or parsed.state.flags & sre_constants.SRE_FLAG_IGNORECASE:
        return "", 0
    for op, av in parsed:
        if op in _ZERO_WIDTH:
            continue
        if op is not sre_constants.SUBPATTERN or av[0] != secret_group:
            return "", 0
        _group, add_flags, _del_flags, body = av
        if add_flags & sre_constants.SRE_FLAG_IGNORECASE:
            return "", 0
        out = []
        for inner_op, inner_av in body:
            if inner_op is not sre_constants.LITERAL:
                break
            out.append(chr(inner_av))
        return "".join(out), int(body.getwidth()[0])
    return "", 0


_CACHE_PREFIX = "prefixes-"


def leading_literals(patterns: Iterable[str]) -> dict[str, tuple[str, int]]:
    """`leading_literal` for many patterns at once, remembered in botaudit's cache (auditor.cache).

    Parsing ~650 detector regexes with the stdlib's parser took ~0.1 s of every scan's start-up (more than
    the rest of the detector loading); the answers depend only on the patterns' text, so the table is keyed
    by a hash over every pattern and computed again whenever one changes. A damaged entry is recomputed.
    """
    unique = sorted(set(patterns))
    key = cache.content_key(p.encode("utf-8", "surrogatepass") for p in unique)
    name = f"{_CACHE_PREFIX}{key[:32]}.json"
    raw = cache.read(name) if cache.cache_dir() is not None else None
    if raw is not None:
        try:
            loaded = json.loads(raw)
            table = {p: (str(v[0]), int(v[1])) for p, v in loaded.items()}
        except (ValueError, TypeError, AttributeError, IndexError, KeyError):
            table = {}
        if set(table) == set(unique):
            return table
    table = {p: leading_literal(p) for p in unique}
    if cache.cache_dir() is not None:
        data = json.dumps({p: list(v) for p, v in table.items()}, ensure_ascii=True).encode()
        cache.write(name, data, replaces=_CACHE_PREFIX)
    return table


def _secret_body(pattern: str) -> sre_parse.SubPattern | None:
    try:
        parsed = sre_parse.parse(pattern)
    except (re.error, RecursionError):
        return None
    secret_group = parsed.state.groupdict.get("secret")
    if secret_group is None:
        return None
    stack = [parsed]
    while stack:
        for op, av in stack.pop():
            if op is sre_constants.SUBPATTERN:
                if av[0] == secret_group:
                    return av[3]
                stack.append(av[3])
            elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT):
                stack.append(av[2])
            elif op is sre_constants.BRANCH:
                stack.extend(av[1])
            elif op is sre_constants.GROUPREF_EXISTS:
                stack.extend(b for b in av[1:] if b is not None)
            elif op in _ZERO_WIDTH[:2]:
                stack.append(av[1])
    return None


def secret_width(pattern: str) -> tuple[int, int]:
    """The shortest and longest value the pattern's `secret` group allows ((0, 0) when it has none)."""
    body = _secret_body(pattern)
    if body is None:
        return 0, 0
    low, high = body.getwidth()
    return int(low), int(high)


def secret_literal(pattern: str) -> str:
    """The literal text every value of the pattern's `secret` group starts with, wherever the group sits
    (`sk-` for `deepseek[...]=(?P<secret>sk-[a-f0-9]{32})`); '' when none."""
    body = _secret_body(pattern)
    out: list[str] = []
    for op, av in body or ():
        if op is not sre_constants.LITERAL:
            break
        out.append(chr(av))
    return "".join(out)


@dataclass(frozen=True)
class Shape:
    """One alternative of a format's `secret` group: the literal it opens with and the shortest value it
    allows (ElevenLabs keys are `sk_` + 48 hex or, older, 32 hex: two shapes)."""

    literal: str
    min_len: int


def _alternatives(body: sre_parse.SubPattern) -> list[sre_parse.SubPattern]:
    """The branches of a `secret` group written as `(?:a|b)` or `a|b`; the body itself otherwise."""
    while len(body) == 1 and body[0][0] is sre_constants.SUBPATTERN and body[0][1][0] is None:
        body = body[0][1][3]  # a non-capturing group around the whole value
    if len(body) == 1 and body[0][0] is sre_constants.BRANCH:
        return list(body[0][1][1])
    return [body]


def _shape(branch: sre_parse.SubPattern) -> Shape:
    literal: list[str] = []
    for op, av in branch:
        if op is not sre_constants.LITERAL:
            break
        literal.append(chr(av))
    return Shape("".join(literal), int(branch.getwidth()[0]))


def format_shapes(pattern: str) -> tuple[Shape, ...]:
    """The shapes of the pattern's `secret` group, one per top-level alternative; () when it has none."""
    body = _secret_body(pattern)
    if body is None:
        return ()
    return tuple(_shape(branch) for branch in _alternatives(body))


def is_distinctive(prefix: str) -> bool:
    """Whether a value starting with `prefix` can only have come from the provider(s) that own it."""
    if not prefix.isascii() or any(c in prefix for c in "/ \t"):
        return False  # URLs and phrases: their detectors need more than the value's start
    # A colon ends a scheme (`https:`, `mongodb:`) or a key (`password:`); `AstraCS:` is a token's own mark.
    if ":" in prefix and (not prefix.endswith(":") or prefix[:-1].islower()):
        return False
    stem = prefix.rstrip(_SEPARATORS)
    if len(stem) < 3 or stem.lower() in _WORD_PREFIXES or stem.isdigit():
        return False
    if any(c in _SEPARATORS for c in prefix):
        return True
    # No separator (`AIza`, `EZAK`, `ATATT3`): distinctive when it is not the start of a lowercase word.
    return len(prefix) >= 4 and not prefix.islower()


@dataclass(frozen=True)
class PrefixVerdict:
    """A value that carries a provider's distinctive prefix and fails that provider's detector."""

    detector: Detector
    # Shorter than the shortest value the provider's format allows: a truncated copy or a sample, not a key.
    truncated: bool

    @property
    def reason(self) -> str:
        return f"has the {self.detector.id} prefix but fails its format/checksum"


class ProviderPrefixes:
    """Distinctive prefix -> the provider detectors that own it, and the check a prefixed value must pass."""

    def __init__(self, detectors: Iterable[Detector]) -> None:
        owners: dict[str, list[Detector]] = {}
        min_len: dict[str, int] = {}
        candidates = [det for det in detectors if not (det.generic or det.identifier)]
        literals = leading_literals(det.regex.pattern for det in candidates)
        for det in candidates:
            derived, shortest = literals[det.regex.pattern]
            if not derived:
                # A key-bound format, or one that needs text before its value: the bare value never matches
                # on its own, so it cannot vouch for (or against) one. Declared prefixes alone are not enough.
                continue
            min_len[det.id] = shortest
            for prefix in {*det.public_prefixes, derived}:
                if is_distinctive(prefix):
                    owners.setdefault(prefix, []).append(det)
        self._owners = {p: tuple(ds) for p, ds in owners.items()}
        self._prefixes = tuple(sorted(owners))
        self._min_len = min_len

    @property
    def prefixes(self) -> tuple[str, ...]:
        return self._prefixes

    def owners_of(self, value: str) -> tuple[Detector, ...]:
        """Every detector whose distinctive prefix the value starts with (none for most values)."""
        if not value.startswith(self._prefixes):
            return ()
        out: list[Detector] = []
        for prefix in self._prefixes:
            if value.startswith(prefix):
                out.extend(d for d in self._owners[prefix] if d not in out)
        return tuple(out)

    def judge(self, value: str) -> PrefixVerdict | None:
        """None when the value has no distinctive prefix or one of its providers accepts it (its regex
        matches the whole value and its checksum, where it has one, verifies); else what it fails."""
        owners = self.owners_of(value)
        if not owners:
            return None
        for det in owners:
            m = det.regex.search(value)
            if m is None:
                continue
            span = m.span("secret") if "secret" in det.regex.groupindex else m.span()
            if span != (0, len(value)):
                continue
            if det.checksum is not None and is_cut(det.checksum, value):
                return PrefixVerdict(det, truncated=True)  # a macaroon without its signature, say
            if det.checksum is None or validate(det.checksum, value):
                return None
        shortest = min(self._min_len[d.id] for d in owners)
        return PrefixVerdict(owners[0], truncated=len(value) < shortest)


# Keywords that name a kind of credential, not who issued it: a key holding one says nothing about a provider.
_GENERIC_KEYWORD_PARTS = (
    "secret",
    "token",
    "key",
    "pass",
    "auth",
    "basic",
    "sig",
    "private",
    "consumer",
    "client",
    "access",
    "bot",
    "signing",
    "function",
    "search",
    "registry",
    "sasl",
    "cert",
)
_PROVIDER_WORD = re.compile(r"^[a-z][a-z0-9]*(?:[_-][a-z0-9]+)*$")


def provider_words(keywords: Iterable[str]) -> tuple[str, ...]:
    """The keywords that name a provider (`amplitude`, `deepseek`, `eleven_labs`): at least four characters
    of a name, none of them a credential word (`token`, `secret`, `bot_token`, `accesskey=`)."""
    return tuple(
        kw
        for kw in keywords
        if len(kw) >= 4 and _PROVIDER_WORD.match(kw) and not any(p in kw for p in _GENERIC_KEYWORD_PARTS)
    )


def _word_start(key: str, i: int) -> bool:
    """Whether a word of the key name begins at index i: its start, after a separator, a camelCase hump or
    a switch between letters and digits."""
    if i <= 0 or i >= len(key):
        return True
    prev, cur = key[i - 1], key[i]
    return (
        not prev.isalnum()
        or not cur.isalnum()
        or (prev.islower() and cur.isupper())
        or (prev.isdigit() != cur.isdigit())
    )


def names_word(key: str, word: str) -> bool:
    """Whether `word` (lowercase) is a word of the key name, or the start of one: it begins where a word
    begins and ends where one ends, or lies inside a single word. `OKTA_TOKEN`, `oktaToken`, `GitHubToken`,
    `sumologicKey` name their provider; `rookTable` (o-k inside `rook`) and `sumOfExposures` (`sum` plus the
    first letter of `Of`) do not."""
    low = key.lower()
    start = low.find(word)
    while start >= 0:
        end = start + len(word)
        if _word_start(key, start) and (
            _word_start(key, end) or not any(_word_start(key, i) for i in range(start + 1, end))
        ):
            return True
        start = low.find(word, start + 1)
    return False


def names_its_provider(det: Detector, key_text: str) -> bool:
    """For a key-bound detector's match: False when the text before the value holds the detector's provider
    keyword only inside another word (`rookTable` for `okta`), True otherwise (also when it holds none)."""
    low = key_text.lower()
    found = False
    for word in det.keywords:
        if word in low:
            if names_word(key_text, word):
                return True
            found = True
    return not found


def spells_its_provider(det: Detector, value: str) -> bool:
    """Whether a key-bound detector's value is a name: no digit, and the provider's keyword is one of its
    words (`TiSocialLinkedin`, `SlackIcon`). A key the provider issues is random characters, where a whole
    provider name turning up as a word is beyond chance."""
    if any(c.isdigit() for c in value):
        return False
    low = value.lower()
    return any(len(w) >= 4 and w.isalpha() and w in low and names_word(value, w) for w in det.keywords)


@dataclass(frozen=True)
class KeyVerdict:
    """A value under a key that names a provider, with that provider's format prefix, which the provider's
    detector rejects."""

    detector: Detector
    # Shorter than the shortest value the provider's format allows: a truncated copy or a sample, not a key.
    truncated: bool

    prefixed: bool = True
    # The provider's format with one letter of its prefix changed, or lowercase hex with capitals typed into
    # it: a copy altered by hand, which no provider issued (not reported, like a truncated one).
    altered: bool = False

    @property
    def reason(self) -> str:
        if self.altered:
            return f"is under a key for {self.detector.id} and is its format altered by hand"
        if self.prefixed:
            return f"has the {self.detector.id} prefix under its key but fails its format"
        return f"is under a key for {self.detector.id} but fails its format"


class ProviderKeys:
    """Key-bound provider detectors (`AMPLITUDE_*` holds 32 hex characters), by the provider words of their
    keywords: the formats a value under a provider-named key must have.

    A detector claims a key when its own regex accepts the key with one of its example values
    (`AMPLITUDE_SECRET_KEY=<example>` matches, `AMPLITUDE_CLIENT_ID=<example>` does not): which keys a
    provider's format applies to is the detector's own definition, never a list kept here.
    """

    def __init__(self, detectors: Iterable[Detector]) -> None:
        # Keywords only here (cheap); a detector's regex is parsed and compiled the first time a key holds
        # one of its provider words, so a scan pays only for the providers its files name.
        by_word: dict[str, list[Detector]] = {}
        for det in detectors:
            if det.generic or det.identifier:
                continue
            for word in provider_words(det.keywords):
                by_word.setdefault(word, []).append(det)
        self._by_word = {w: tuple(ds) for w, ds in by_word.items()}
        self._words = tuple(sorted(by_word))
        # Formats that open with their own literal (`ucat_`, `sk_`), by the provider word their id starts
        # with (`upcloud-api-token`): the prefix a value under that provider's key is compared with.
        by_name: dict[str, list[Detector]] = {}
        for det in detectors:
            if det.generic or det.identifier:
                continue
            word = det.id.split("-", 1)[0]
            if provider_words((word,)):
                by_name.setdefault(word, []).append(det)
        self._by_name = {w: tuple(ds) for w, ds in by_name.items()}
        self._names = tuple(sorted(by_name))
        self._stems: dict[str, frozenset[str]] = {}
        self._examples: dict[str, str | None] = {}
        self._shape_cache: dict[str, tuple[Shape, ...]] = {}
        self._hex_widths: dict[str, int] = {}
        self._base62_widths: dict[str, tuple[int, frozenset[str]]] = {}

    def _example(self, det: Detector) -> str | None:
        """One of the detector's example values; None for a detector that is not key-bound (its value
        starts with a literal prefix of its own, which ProviderPrefixes judges) or has no usable example."""
        if det.id not in self._examples:
            bound = not leading_literal(det.regex.pattern)[0]
            self._examples[det.id] = _example_value(det) if bound else None
        return self._examples[det.id]

    def claims(self, key: str) -> tuple[Detector, ...]:
        """The provider detectors whose format applies to a value under `key`."""
        low = key.lower()
        out: list[Detector] = []
        for word in self._words:
            if word not in low or not names_word(key, word):
                continue
            for det in self._by_word[word]:
                example = self._example(det)
                if example is not None and det not in out and _accepts(det, key, example):
                    out.append(det)
        return tuple(out)

    def judge(self, key: str | None, value: str) -> KeyVerdict | None:
        """A verdict when the key names a provider whose format starts with a literal (`sk-`, `BSA`) and the
        value starts with it too, yet no such detector accepts it; None otherwise. A format written as
        alternatives is judged by the alternative whose literal the value carries (ElevenLabs: `sk_` + 48 hex,
        or 32 hex with no literal; `sk_` + 32 hex is a cut copy of the first).

        The key alone is not enough: a provider's keys also hold its other values (`ASANA_TOKEN` may hold a
        client id, `AIRTABLE_TOKEN` a legacy key), which its token detector rightly rejects. A value that
        carries the format's own prefix under the provider's key, though, can only be that format."""
        if not key:
            return None
        owners = self.claims(key)
        if not owners:
            return None
        prefixed: list[tuple[Detector, int]] = []
        for det in owners:
            if _accepts(det, key, value) and (det.checksum is None or validate(det.checksum, value)):
                return None
            for shape in self._shapes(det):
                if shape.literal and value.startswith(shape.literal):
                    prefixed.append((det, shape.min_len))
        if prefixed:
            shortest = min(width for _, width in prefixed)
            return KeyVerdict(prefixed[0][0], truncated=len(value) < shortest)
        low = value.lower()
        if low != value and value.upper() != value and _HEX.match(low):
            # Lowercase hex of the format's exact width with capitals in it (`acdeFf05…`): no system prints
            # hex in mixed case; a person edited a copy.
            for det in owners:
                if self._hex_width(det) == len(value):
                    return KeyVerdict(det, truncated=False, prefixed=False, altered=True)
        padded = _HEX_PADDED.match(value)
        if padded is not None:
            # The format's hex in full, then a few characters of another alphabet typed after it
            # (`<64 hex>R21`): no system prints hex with such a tail; a person padded a copy.
            for det in owners:
                width = self._hex_width(det)
                if width and len(padded.group(1)) >= width:
                    return KeyVerdict(det, truncated=False, prefixed=False, altered=True)
        # A format that is hex of one length (`AMPLITUDE_*` holds 32 hex characters, Gitea tokens 40) and a
        # hex value of another length: a cut or padded copy of that format, not one of the provider's
        # other values (those have other alphabets: ids are digits, secrets base62).
        if _HEX.match(value):
            for det in owners:
                width = self._hex_width(det)
                if width and len(value) != width:
                    return KeyVerdict(det, truncated=len(value) < width, prefixed=False)
        # A format of one width in mixed-case letters and digits (Mistral: 32 of `[A-Za-z0-9]`) and a value
        # of that alphabet one to four characters short, holding capitals, small letters and digits alike: the
        # format cut short. A provider's other values under the same key have narrower alphabets (a LinkedIn
        # client id is lowercase, an Asana client id digits), so they are never taken for a cut copy.
        if _MIXED.match(value):
            for det in owners:
                width, alphabet = self._base62_width(det)
                if width and width - _CUT_SLACK <= len(value) < width and set(value) <= alphabet:
                    return KeyVerdict(det, truncated=True, prefixed=False)
        return None

    def altered_prefix(self, key: str | None, value: str) -> KeyVerdict | None:
        """A verdict when the key names a provider and the value is that provider's format with its prefix
        changed by one letter (`ak_` + an ElevenLabs `sk_` body, `uca_` + an UpCloud `ucat_` body): a copy
        altered by hand. Not when the provider issues prefixes one letter apart (GitHub's `ghp_`/`gho_`,
        Slack's `xoxb-`/`xoxp-`): a new sibling of those may be real."""
        if not key:
            return None
        cut = next((i for i, c in enumerate(value[:9]) if c in "_-"), -1)
        if cut <= 0:
            return None
        head, rest = value[:cut], value[cut:]
        low = key.lower()
        for word in self._names:
            if word not in low or not names_word(key, word):
                continue
            stems = self._stems_of(word)
            if head in stems or _one_apart(stems):
                continue
            for det in self._by_name[word]:
                for shape in self._shapes(det):
                    stem = shape.literal.split(rest[0], 1)[0] if rest[0] in shape.literal else ""
                    if not stem or not _one_edit(stem, head):
                        continue
                    m = det.regex.search(stem + rest)
                    if m is not None and m.group("secret") == stem + rest:
                        return KeyVerdict(det, truncated=False, prefixed=False, altered=True)
        return None

    def _stems_of(self, word: str) -> frozenset[str]:
        """The prefixes (before their first `_` or `-`) that the provider's formats open with."""
        if word not in self._stems:
            stems = set()
            for det in self._by_name[word]:
                for shape in self._shapes(det):
                    cut = next((i for i, c in enumerate(shape.literal) if c in "_-"), -1)
                    if cut > 0:
                        stems.add(shape.literal[:cut])
            self._stems[word] = frozenset(stems)
        return self._stems[word]

    def _hex_width(self, det: Detector) -> int:
        """N when the detector's value is exactly N lowercase hex characters, else 0."""
        if det.id not in self._hex_widths:
            low, high = secret_width(det.regex.pattern)
            body = _secret_body(det.regex.pattern)
            hexonly = body is not None and len(body) == 1 and low == high and _is_hex_class(body[0])
            self._hex_widths[det.id] = low if hexonly else 0
        return self._hex_widths[det.id]

    def _base62_width(self, det: Detector) -> tuple[int, frozenset[str]]:
        """(N, alphabet) when the detector's value is exactly N characters of one class that holds capitals,
        small letters and digits (`[A-Za-z0-9]{32}`), else (0, empty)."""
        if det.id not in self._base62_widths:
            low, high = secret_width(det.regex.pattern)
            body = _secret_body(det.regex.pattern)
            alphabet = _class_chars(body[0]) if body is not None and len(body) == 1 else frozenset()
            mixed = all(alphabet & group for group in _MIXED_GROUPS)
            self._base62_widths[det.id] = (low, alphabet) if mixed and low == high else (0, frozenset())
        return self._base62_widths[det.id]

    def _shapes(self, det: Detector) -> tuple[Shape, ...]:
        if det.id not in self._shape_cache:
            self._shape_cache[det.id] = format_shapes(det.regex.pattern)
        return self._shape_cache[det.id]


def _one_edit(a: str, b: str) -> bool:
    """Whether b is a with exactly one letter changed, added or removed."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def _one_apart(stems: frozenset[str]) -> bool:
    """Whether two of a provider's prefixes differ in one letter (GitHub's `ghp`, `gho`, `ghu`)."""
    ordered = sorted(stems)
    return any(_one_edit(a, b) for i, a in enumerate(ordered) for b in ordered[i + 1 :])


# Lowercase hex with a letter and a digit (a digit string is an id, not a hex token).
_HEX = re.compile(r"^(?=[^a-f]*[a-f])(?=[^0-9]*[0-9])[0-9a-f]{8,}$")
# Lowercase hex, then one to three letters and digits that open with a letter no hex printer writes.
_HEX_PADDED = re.compile(r"^([0-9a-f]{16,})[g-zA-Z][A-Za-z0-9]{0,2}$")


# Capitals, small letters and digits, each at least once (a value in one case is an id or a name).
_MIXED = re.compile(r"^(?=[^A-Z]*[A-Z])(?=[^a-z]*[a-z])(?=[^0-9]*[0-9])[A-Za-z0-9]+$")
_MIXED_GROUPS = tuple(
    frozenset(chars) for chars in (string.ascii_uppercase, string.ascii_lowercase, string.digits)
)
# How many characters short of a fixed-width format a value may be and still be read as that format cut.
_CUT_SLACK = 4


def _class_chars(item: tuple[object, object]) -> frozenset[str]:
    """The characters of one parsed regex item that repeats one character class (`[A-Za-z0-9]{32}`)."""
    op, av = item
    if op is not sre_constants.MAX_REPEAT and op is not sre_constants.POSSESSIVE_REPEAT:
        return frozenset()
    inner: sre_parse.SubPattern = av[2]  # type: ignore[index]
    if len(inner) != 1 or inner[0][0] is not sre_constants.IN:
        return frozenset()
    chars: set[str] = set()
    for kind, arg in inner[0][1]:
        if kind is sre_constants.RANGE:
            chars.update(chr(c) for c in range(arg[0], arg[1] + 1))
        elif kind is sre_constants.LITERAL:
            chars.add(chr(arg))
        else:  # a category (`\w`), a negation: not one plain alphabet
            return frozenset()
    return frozenset(chars)


def _is_hex_class(item: tuple[object, object]) -> bool:
    """Whether one parsed regex item is a repeat of exactly `[0-9a-f]` (either order)."""
    op, av = item
    if op is not sre_constants.MAX_REPEAT and op is not sre_constants.POSSESSIVE_REPEAT:
        return False
    inner: sre_parse.SubPattern = av[2]  # type: ignore[index]
    if len(inner) != 1 or inner[0][0] is not sre_constants.IN:
        return False
    items: list[tuple[object, object]] = inner[0][1]
    ranges = sorted(arg for kind, arg in items if kind is sre_constants.RANGE)  # type: ignore[type-var]
    others = [kind for kind, _ in items if kind is not sre_constants.RANGE]
    return not others and ranges == [(ord("0"), ord("9")), (ord("a"), ord("f"))]


def _example_value(det: Detector) -> str | None:
    for example in det.examples_match:
        m = det.regex.search(example)
        if m is not None and "secret" in det.regex.groupindex and m.group("secret"):
            return m.group("secret")
    return None


def _accepts(det: Detector, key: str, value: str) -> bool:
    """Whether the detector finds exactly `value` assigned to `key`."""
    m = det.regex.search(f"{key}={value}")
    return m is not None and m.group("secret") == value
