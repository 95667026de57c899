"""The non-ASCII characters Python's caseless matching pairs with an ASCII letter.

Under re.IGNORECASE on str (Python 3.11), a pattern's ASCII letter also matches exactly these four: dotted
and dotless i (`İ`, `ı`) for `i`, long s (`ſ`) for `s` and the Kelvin sign (`K`) for `k`. The full-regex gate
leaves a buffer holding one unjudged (regexgate.GATE_BLIND), and vocabulary folds them to their letters
before a case-sensitive search; tests/test_detector_gate.py checks the table over every code point.
"""

ASCII_PARTNERS: dict[int, str] = {0x130: "i", 0x131: "i", 0x17F: "s", 0x212A: "k"}
