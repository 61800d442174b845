"""What every added CloudFormation delete shares: a resource already gone counts as deleted.

CloudFormation treats a resource someone deleted by hand as deleted; moto's backends raise their
own "not found" errors, which would otherwise fail the stack's deletion for good.
"""

from collections.abc import Callable
from typing import Any

Delete = Callable[[Any, str, str], None]


def deleting(delete: Delete, gone_markers: tuple[str, ...]) -> Delete:
    """`delete` as a model's `delete(account_id, region_name)`, quiet about what is already gone."""

    def method(self: Any, account_id: str, region_name: str) -> None:
        try:
            delete(self, account_id, region_name)
        except Exception as error:  # noqa: BLE001 - narrowed to "already gone" below
            name = type(error).__name__ + str(getattr(error, "error_type", "")) + str(getattr(error, "code", ""))
            if not any(marker in name for marker in gone_markers):
                raise

    return method
