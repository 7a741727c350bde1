"""Path converters that keep date segments zero-padded, so every article has exactly one URL."""


class FourDigitYear:
    regex = r"[0-9]{4}"

    def to_python(self, value):
        # Year 0 does not exist in Python's calendar; a ValueError here makes the URL not match, a 404.
        if int(value) < 1:
            raise ValueError(value)
        return int(value)

    def to_url(self, value):
        return f"{int(value):04d}"


class TwoDigits:
    regex = r"[0-9]{2}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return f"{int(value):02d}"
