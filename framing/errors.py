"""Errors framing raises: one base class, each subclass saying what to do instead."""


class FramingError(Exception):
    """Base class of every error framing raises on purpose."""


class InputError(FramingError, ValueError):
    """An article could not be read: empty, binary, undecodable, malformed record."""


class LexiconError(FramingError, ValueError):
    """A lexicon file is malformed; the message names the file and the entry."""


class InternalError(FramingError):
    """framing itself failed on one article (a bug): the batch reports it and goes on; please report it."""


class UnsupportedLanguageError(FramingError, ValueError):
    """The article's language has no lexicons; framing refuses to score it as another language."""


class LanguageUndeterminedError(UnsupportedLanguageError):
    """Too little text to identify its language (see ``language.MIN_LETTERS``): pass the language
    (``--language`` / ``language=``). A subclass of ``UnsupportedLanguageError``, so code that
    skips unscorable languages skips these too."""


class StoreError(FramingError):
    """A ``--db`` store cannot be used: not a store, of a newer schema, missing, or unwritable."""
