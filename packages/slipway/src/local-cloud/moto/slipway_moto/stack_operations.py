"""Creating, updating and deleting a stack the way CloudFormation does.

moto works inside the API call: when a resource fails, the exception escapes as an HTTP 500, the
SDK retries the call and the retry fails with "already exists", so the reason is lost. Here a
failure ends in a stack status instead, as on AWS: a failed create rolls back (its resources are
deleted, ROLLBACK_COMPLETE), a failed update keeps the previous template (UPDATE_ROLLBACK_COMPLETE),
a delete that cannot finish leaves the stack in DELETE_FAILED. Deletes follow reverse dependency
order, an update follows new physical ids to the resources that refer to them, and termination
protection (stored by moto, never enforced or changeable) works.
"""

from typing import Any

from moto.cloudformation import models as cfn_models
from moto.cloudformation import parsing
from moto.cloudformation import responses as cfn_responses
from moto.cloudformation.exceptions import ValidationError
from moto.core.responses import ActionResult

from .stack_events import ResourceFailed, as_failure, failed_list, physical_id, reason_of, resource_event, stack_of
from .template_graph import dependency_order, references


def _create_resources(self: Any) -> None:
    """CREATE_FAILED on the failing resource, then roll back and end in ROLLBACK_COMPLETE."""
    try:
        _original_create_resources(self)
    except Exception as error:  # noqa: BLE001 - every failure ends in a stack status, as on AWS
        failure = as_failure(error)
        self.status = "CREATE_FAILED"
        reason = f"The following resource(s) failed to create: {failed_list(failure)}{failure.reason}"
        self._add_stack_event("CREATE_FAILED", reason)
        self._add_stack_event("ROLLBACK_IN_PROGRESS", "The stack failed to create; rolling back its resources.")
        try:
            self.resource_map.delete()
        except Exception:  # noqa: BLE001 - a rollback that cannot delete everything still ends the stack
            pass
        # moto creates resources lazily whenever they are listed; a rolled-back stack has none left.
        self.resource_map._resource_json_map = {}
        self.output_map._output_json_map = {}
        self.status = "ROLLBACK_COMPLETE"
        self._add_stack_event("ROLLBACK_COMPLETE")


def _update(self: Any, template: str, role_arn: Any = None, parameters: Any = None, tags: Any = None) -> None:
    """UPDATE_FAILED on the failing resource; the stack keeps its previous template and parameters."""
    previous_template = self.template
    previous_dict = self.template_dict
    previous_parameters = dict(self.resource_map.input_parameters)
    before = physical_ids(self.resource_map)
    try:
        _original_update(self, template, role_arn, parameters, tags)
        _follow_new_physical_ids(self.resource_map, before)
    except Exception as error:  # noqa: BLE001 - every failure ends in a stack status, as on AWS
        failure = as_failure(error)
        if failure.logical_id:
            resource_event(self, failure.logical_id, failure.resource_type, "", "UPDATE_FAILED", failure.reason)
        reason = f"The following resource(s) failed to update: {failed_list(failure)}{failure.reason}"
        self._add_stack_event("UPDATE_ROLLBACK_IN_PROGRESS", reason)
        self.template = previous_template
        self.template_dict = previous_dict
        resource_map = self.resource_map
        resource_map._template = previous_dict
        resource_map._resource_json_map = previous_dict.get("Resources", {})
        resource_map.input_parameters = previous_parameters
        resource_map.load_parameters()
        self.output_map = self._create_output_map()
        self.status = "UPDATE_ROLLBACK_COMPLETE"
        self._add_stack_event("UPDATE_ROLLBACK_COMPLETE")


def physical_ids(resource_map: Any) -> dict[str, str]:
    return {
        key: physical_id(value)
        for key, value in resource_map._parsed_resources.items()
        if hasattr(value, "cf_resource_type")
    }


def _follow_new_physical_ids(resource_map: Any, before: dict[str, str]) -> None:
    """Updates every resource that refers to one that got a new physical id, as CloudFormation does.

    moto updates only resources whose own template text changed: a service whose task definition
    became a new revision kept running the old one. Followed in dependency order, so a chain of
    replacements resolves in one pass.
    """
    resources = resource_map._resource_json_map
    changed = {key for key, value in physical_ids(resource_map).items() if key in before and before[key] != value}
    if not changed:
        return
    resource_map._slipway_building = True
    try:
        for logical_id in dependency_order(resources):
            if logical_id not in before or logical_id in changed or not changed & references(resources[logical_id]):
                continue
            updated = parsing.parse_and_update_resource(
                logical_id, resources[logical_id], resource_map, resource_map._account_id, resource_map._region_name
            )
            resource_map._parsed_resources[logical_id] = updated
            if physical_id(updated) != before[logical_id]:
                changed.add(logical_id)
    finally:
        resource_map._slipway_building = False


def _delete_stack(self: Any, name_or_stack_id: str) -> None:
    """Refuses protected stacks; a stack whose resources cannot all be deleted stays, DELETE_FAILED."""
    stack = None
    for candidate in self.stacks.values():
        if name_or_stack_id in (candidate.stack_id, candidate.name):
            stack = candidate
            break
    if stack is None:
        return
    if stack.enable_termination_protection:
        raise ValidationError(
            stack.name,
            message=f"Stack [{stack.name}] cannot be deleted while TerminationProtection is enabled",
        )
    try:
        _original_delete_stack(self, name_or_stack_id)
    except Exception as error:  # noqa: BLE001 - report it on the stack, as CloudFormation does
        self.stacks[stack.stack_id] = stack
        self.deleted_stacks.pop(stack.stack_id, None)
        failure = as_failure(error)
        stack.status = "DELETE_FAILED"
        reason = f"The following resource(s) failed to delete: {failed_list(failure)}{failure.reason}"
        stack._add_stack_event("DELETE_FAILED", reason)


def _delete_resources(self: Any) -> None:
    """Deletes in reverse dependency order, as CloudFormation does, with an event per resource.

    moto deletes in no particular order and retries what fails; a rule that names a security group
    deleted before it then fails for good. Resources with `DeletionPolicy: Retain` are kept.
    """
    stack = stack_of(self)
    remaining = [
        logical_id
        for logical_id in reversed(dependency_order(self._resource_json_map))
        if self._resource_json_map[logical_id].get("DeletionPolicy") != "Retain"
    ]
    failure: ResourceFailed | None = None
    for _attempt in range(3):
        failed: list[str] = []
        for logical_id in remaining:
            resource = self._parsed_resources.get(logical_id)
            if resource is None or isinstance(resource, str) or not hasattr(resource, "cf_resource_type"):
                continue
            resource_type = self._resource_json_map[logical_id]["Type"]
            physical = physical_id(resource)
            resource_event(stack, logical_id, resource_type, physical, "DELETE_IN_PROGRESS")
            try:
                self._delete_resource(resource, self._resource_json_map[logical_id])
            except Exception as error:  # noqa: BLE001 - retried, then reported on the resource
                failed.append(logical_id)
                failure = ResourceFailed(logical_id, resource_type, reason_of(error))
                continue
            self._parsed_resources.pop(logical_id, None)
            resource_event(stack, logical_id, resource_type, physical, "DELETE_COMPLETE")
        if not failed:
            return
        remaining = failed
    assert failure is not None
    resource_event(stack, failure.logical_id, failure.resource_type, "", "DELETE_FAILED", failure.reason)
    raise failure


def _update_termination_protection(self: Any) -> ActionResult:
    stack = self.cloudformation_backend.get_stack(self._get_param("StackName"))
    stack.enable_termination_protection = self._get_bool_param("EnableTerminationProtection", False)
    return ActionResult({"StackId": stack.stack_id})


_original_create_resources = cfn_models.Stack.create_resources
_original_update = cfn_models.Stack.update
_original_delete_stack = cfn_models.CloudFormationBackend.delete_stack


def apply() -> list[str]:
    cfn_models.Stack.create_resources = _create_resources
    cfn_models.Stack.update = _update
    cfn_models.CloudFormationBackend.delete_stack = _delete_stack
    parsing.ResourceMap.delete = _delete_resources
    cfn_responses.CloudFormationResponse.update_termination_protection = _update_termination_protection
    return [
        "stack: failures end in ROLLBACK_COMPLETE, UPDATE_ROLLBACK_COMPLETE or DELETE_FAILED",
        "stack: deletes in reverse dependency order; updates follow new physical ids",
        "stack: termination protection changeable and enforced",
    ]
