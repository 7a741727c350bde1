"""Which language an article is written in, told from its letters alone."""

_NOT_LATIN_LETTERS = bytes(byte for byte in range(128) if not chr(byte).isalpha())
_BELARUSIAN = "іўІЎ"


def language_of(title, body):
    """English, Russian or Belarusian, by the script of most letters and the letters only Belarusian uses.

    Letters are counted on the UTF-8 bytes, where every basic Cyrillic letter (U+0400 to U+047F) starts with the
    byte D0 or D1 and a Latin letter is one ASCII byte: counted in C, where a regular expression match per letter
    cost a tenth of the import.
    """
    text = f"{title} {body[:2000]}"
    data = text.encode()
    cyrillic = data.count(b"\xd0") + data.count(b"\xd1")
    latin = len(text.encode("ascii", "ignore").translate(None, _NOT_LATIN_LETTERS))
    if cyrillic <= latin:
        return "en"
    return "be" if sum(map(text.count, _BELARUSIAN)) > cyrillic / 100 else "ru"
