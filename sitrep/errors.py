"""sitrep's errors: one small hierarchy whose messages say what was wrong and what to do."""


class SitrepError(Exception):
    """Base class for every error sitrep raises on purpose."""


class InputError(SitrepError):
    """A file or record cannot be read as an article; the message names it and the reason."""

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(f"{where}: {reason}")
        self.where = where
        self.reason = reason


class StoreError(SitrepError):
    """The store cannot be opened, migrated or written."""


class GazetteerError(SitrepError):
    """The bundled gazetteer is missing or cannot be built."""


class SettingError(SitrepError):
    """A setting (environment variable) holds a value sitrep cannot use."""

    def __init__(self, variable: str, value: str, expected: str) -> None:
        super().__init__(f"{variable}={value!r} is not {expected}: fix or unset it")
        self.variable = variable
        self.value = value


class OutputError(SitrepError):
    """An output file (report, map, export) cannot be written; the message names it and the reason."""


class QueryError(SitrepError):
    """A filter, page cursor or correction that cannot be applied; the message names the field and why."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason


class NotFoundError(SitrepError):
    """An event or article asked for by id is not in the store."""
