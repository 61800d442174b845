"""Resources exist only once a create or update has made them, and no longer once deleted.

moto's resource map creates a resource the first time anything looks it up, reads included:
listing a failed stack's resources tried to create them again, and answered with a server error.
And an update that removes a resource deleted it but kept it in the map, so a later update adding
the same logical id back found it there and made nothing: switching an environment's ingress
there and back left the stack listing SSM parameters that no longer existed.
"""

from typing import Any

from moto.cloudformation import models as cfn_models
from moto.cloudformation import parsing


def _building(operation: Any) -> Any:
    """Marks the resource map as creating or updating while `operation` runs."""

    def wrapped(self: Any, *args: Any, **kwargs: Any) -> Any:
        self._slipway_building = True
        try:
            return operation(self, *args, **kwargs)
        finally:
            self._slipway_building = False

    return wrapped


def _get_resource(self: Any, key: str) -> Any:
    """moto creates a resource the first time anything looks it up, even a read such as
    ListStackResources after a failed create or delete. Resources are created only while the
    stack is being created or updated; otherwise one that does not exist is simply absent."""
    if key in self._parsed_resources or getattr(self, "_slipway_building", False):
        return _original_get_resource(self, key)
    if key not in self._resource_json_map:
        raise KeyError(key)
    return None


def _stack_resources(self: Any) -> list[Any]:
    """The resources that exist, without the pseudo parameters and parameters moto keeps beside them."""
    resources = self.resource_map._parsed_resources
    return [
        resources[key]
        for key in self.resource_map._resource_json_map
        if resources.get(key) is not None and hasattr(resources[key], "cf_resource_type")
    ]


def _delete_and_forget(self: Any, parsed_resource: Any, resource_json: dict[str, Any]) -> None:
    """Deletes the resource and drops it from the map, so adding its logical id again makes it anew."""
    _original_delete_resource(self, parsed_resource, resource_json)
    for key in [k for k, v in self._parsed_resources.items() if v is parsed_resource]:
        self._parsed_resources.pop(key)


_original_get_resource = parsing.ResourceMap.__getitem__
_original_delete_resource = parsing.ResourceMap._delete_resource


def apply() -> list[str]:
    parsing.ResourceMap.__getitem__ = _get_resource
    parsing.ResourceMap._delete_resource = _delete_and_forget
    parsing.ResourceMap.create = _building(parsing.ResourceMap.create)
    parsing.ResourceMap.update = _building(parsing.ResourceMap.update)
    cfn_models.Stack.stack_resources = property(_stack_resources)
    return [
        "stack: resources are created only by create and update, never by a read",
        "stack: a resource an update removed is made anew when a later update adds it back",
    ]
