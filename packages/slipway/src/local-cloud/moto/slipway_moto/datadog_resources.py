"""Datadog's monitors, `Datadog::Monitors::Monitor`, recorded as a stack makes them.

On AWS the public type's handler creates each monitor in Datadog with the keys of the type's
configuration. Here nothing reaches Datadog: a monitor is recorded with its properties and a
numeric id (its `Ref` and `Id`, as Datadog's monitor ids are), on the CloudFormation backend of its
account and region. As on AWS, a stack naming the type fails unless the type is activated there
and has a configuration (`registry_types.py`).
"""

from itertools import count
from typing import Any

from moto.cloudformation.models import cloudformation_backends

from .added_resource import AddedResource, register
from .backend_records import records_on
from .registry_types import activated_types

_RECORDS = "slipway_datadog_monitors"
_IDS = count(1_000_001)


def datadog_monitors(account_id: str, region_name: str) -> dict[str, dict[str, Any]]:
    """Recorded monitors by id."""
    backend = cloudformation_backends[account_id][region_name]
    return records_on(backend, _RECORDS)


@register
class DatadogMonitor(AddedResource):
    TYPE = "Datadog::Monitors::Monitor"

    @classmethod
    def create(cls, name: str, properties: dict[str, Any], account_id: str, region_name: str) -> AddedResource:
        record = activated_types(account_id, region_name).get(cls.TYPE)
        if record is None:
            raise ValueError(f"{cls.TYPE} is not activated in {account_id}/{region_name}: activate the public type first")
        if not record.get("Configurations"):
            raise ValueError(f"{cls.TYPE} has no configuration in {account_id}/{region_name}: set its DatadogCredentials")
        for required in ("Query", "Type"):
            if required not in properties:
                raise ValueError(f"{required}: required by {cls.TYPE}")
        monitor_id = str(next(_IDS))
        datadog_monitors(account_id, region_name)[monitor_id] = dict(properties)
        return cls(monitor_id, {"Id": int(monitor_id)}, properties, account_id, region_name)

    @classmethod
    def update(
        cls, original: AddedResource, name: str, properties: dict[str, Any], account_id: str, region_name: str
    ) -> AddedResource:
        # Datadog changes a monitor in place; its id stays.
        datadog_monitors(account_id, region_name)[original.physical_id] = dict(properties)
        return cls(original.physical_id, original.attributes, properties, account_id, region_name)

    def remove(self) -> None:
        datadog_monitors(self.account_id, self.region_name).pop(self.physical_id, None)
