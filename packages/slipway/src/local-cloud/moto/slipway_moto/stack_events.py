"""Stack events as CloudFormation writes them, and the failure every patch reports through.

moto records only stack-level events. Deploy tools follow a stack by its resource events (that
is where progress and the reason for a failure are), so each resource created or updated here gets
IN_PROGRESS / COMPLETE / FAILED events, in order, on the stack it belongs to.
"""

from datetime import timedelta
from typing import Any

from moto.cloudformation import models as cfn_models
from moto.cloudformation import parsing

_MILLISECOND = timedelta(milliseconds=1)


class ResourceFailed(Exception):
    """A resource of the stack being worked on failed; carries what the stack events report."""

    def __init__(self, logical_id: str, resource_type: str, reason: str):
        super().__init__(reason)
        self.logical_id = logical_id
        self.resource_type = resource_type
        self.reason = reason


def stack_of(resources_map: Any) -> Any:
    """The stack a resource map belongs to (set when the stack creates its map)."""
    return getattr(resources_map, "_slipway_stack", None)


def _create_resource_map(self: Any) -> Any:
    resource_map = _original_create_resource_map(self)
    resource_map._slipway_stack = self
    return resource_map


def resource_event(
    stack: Any,
    logical_id: str,
    resource_type: str,
    physical_id: str,
    status: str,
    reason: str | None = None,
) -> None:
    if stack is None:
        return
    stack.events.append(
        cfn_models.Event(
            stack_id=stack.stack_id,
            stack_name=stack.name,
            logical_resource_id=logical_id,
            physical_resource_id=physical_id or "",
            resource_type=resource_type,
            resource_status=status,
            resource_status_reason=reason,
            resource_properties=None,
        )
    )
    keep_order(stack.events)


def keep_order(events: list[Any]) -> None:
    """Readers sort events by time, to the millisecond; events of one request must not tie."""
    if len(events) > 1 and events[-1].timestamp <= events[-2].timestamp + _MILLISECOND:
        events[-1].timestamp = events[-2].timestamp + _MILLISECOND


def _add_stack_event(self: Any, *args: Any, **kwargs: Any) -> None:
    _original_add_stack_event(self, *args, **kwargs)
    keep_order(self.events)


def as_failure(error: Exception) -> ResourceFailed:
    """Failures outside a single resource (a removal, tagging) name no resource, only the reason."""
    return error if isinstance(error, ResourceFailed) else ResourceFailed("", "", reason_of(error))


def failed_list(failure: ResourceFailed) -> str:
    return f"[{failure.logical_id}]. " if failure.logical_id else ""


def physical_id(resource: Any) -> str:
    return str(getattr(resource, "physical_resource_id", "") or "")


def reason_of(error: Exception) -> str:
    text = getattr(error, "message", None) or str(error) or type(error).__name__
    return f"{type(error).__name__}: {text}" if type(error).__name__ not in text else text


def _wrap_resource_operation(original: Any, verb: str) -> Any:
    """Reports IN_PROGRESS / COMPLETE / FAILED events around creating or updating one resource.

    moto retries failed updates a few times (to get past ordering problems), so an update's FAILED
    event is written once, by `_update`, when the last attempt has failed.
    """

    def wrapped(
        logical_id: str,
        resource_json: dict[str, Any],
        resources_map: Any,
        *args: Any,
        **kwargs: Any,
    ) -> Any:
        stack = stack_of(resources_map)
        resource_type = resource_json.get("Type", "")
        resource_event(stack, logical_id, resource_type, "", f"{verb}_IN_PROGRESS")
        try:
            resource = original(logical_id, resource_json, resources_map, *args, **kwargs)
        except ResourceFailed:
            raise
        except Exception as error:  # noqa: BLE001 - any moto error fails this resource, as on AWS
            reason = reason_of(error)
            if verb == "CREATE":
                resource_event(stack, logical_id, resource_type, "", "CREATE_FAILED", reason)
            raise ResourceFailed(logical_id, resource_type, reason) from error
        if resource is None and verb == "UPDATE":
            # moto has no update handler for this type and would drop the resource from the stack;
            # CloudFormation would update it in place, so the existing resource stays.
            resource = resources_map._parsed_resources.get(logical_id)
        resource_event(stack, logical_id, resource_type, physical_id(resource), f"{verb}_COMPLETE")
        return resource

    return wrapped


_original_create_resource_map = cfn_models.Stack._create_resource_map
_original_add_stack_event = cfn_models.Stack._add_stack_event


def apply() -> list[str]:
    parsing.parse_and_create_resource = _wrap_resource_operation(parsing.parse_and_create_resource, "CREATE")
    parsing.parse_and_update_resource = _wrap_resource_operation(parsing.parse_and_update_resource, "UPDATE")
    cfn_models.Stack._create_resource_map = _create_resource_map
    cfn_models.Stack._add_stack_event = _add_stack_event
    return ["stack: an event per resource created or updated, FAILED with the reason, in time order"]
