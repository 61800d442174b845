"""Records the patches keep beside moto's own, on the backend they belong to.

A record kept as an attribute of a moto backend goes when the backend does: moto's reset makes new
backends, so the emulator's reset clears the patches' records with everything else.
"""

from typing import Any


def records_on(backend: Any, name: str) -> dict[str, Any]:
    """The backend's record called `name`, made empty the first time it is asked for."""
    if not hasattr(backend, name):
        setattr(backend, name, {})
    return getattr(backend, name)
