"""SSM-typed template parameters (`AWS::SSM::Parameter::Value<String>`), as CloudFormation treats them.

Slipway's stacks read each other's values through them. moto resolved them, but a missing
parameter was a server error, DescribeStacks reported only the resolved value, and an update
whose parameter now resolves to a new value changed nothing.
"""

from typing import Any

from moto.cloudformation import models as cfn_models
from moto.cloudformation import parsing
from moto.cloudformation.exceptions import ValidationError
from moto.ssm.models import ssm_backends


def _parse_ssm_parameter(self: Any, value: str, value_type: str) -> Any:
    """An SSM-typed parameter naming a missing parameter is a validation error, as on AWS (moto
    failed with an internal error, and the stack was created half-way)."""
    if ssm_backends[self._account_id][self._region_name].get_parameter(value) is None:
        raise ValidationError(message=f"Unable to fetch parameters [{value}] from parameter store for this account.")
    return _original_parse_ssm_parameter(self, value, value_type)


def _parameter_list(self: Any) -> list[dict[str, Any]]:
    """SSM-typed parameters as CloudFormation reports them: the parameter name as the value, what it
    resolved to as `ResolvedValue` (moto reported only the resolved value)."""
    declared = self.template_dict.get("Parameters", {}) if isinstance(self.template_dict, dict) else {}
    listed = []
    for key, value in self.resource_map.resolved_parameters.items():
        slot = declared.get(key, {})
        if str(slot.get("Type", "")).startswith("AWS::SSM::Parameter::"):
            name = self.resource_map.input_parameters.get(key, slot.get("Default"))
            listed.append({"ParameterKey": key, "ParameterValue": name, "ResolvedValue": value})
        elif key in self.resource_map.no_echo_parameter_keys:
            listed.append({"ParameterKey": key, "ParameterValue": "****"})
        else:
            listed.append({"ParameterKey": key, "ParameterValue": value})
    return listed


def _build_resource_diff(
    self: Any,
    other_template: dict[str, Any],
    parameters: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Resources using a parameter whose resolved value changes are modified, as on AWS.

    moto compares template text and passed parameter values only; an SSM-typed parameter keeps
    its text (the parameter name) while the value behind it changes, and then nothing using it was
    updated.
    """
    found = _original_build_resource_diff(self, other_template, parameters)
    changed = _changed_resolved_parameters(self, other_template, parameters)
    if changed:
        for name, resource in other_template.get("Resources", {}).items():
            if name in self._resource_json_map and name not in found["Modify"] and name not in found["Add"]:
                if changed & set(parsing.get_references_from_template(resource)):
                    found["Modify"].append(name)
    return found


def _changed_resolved_parameters(
    resource_map: Any,
    template: dict[str, Any],
    parameters: dict[str, Any] | None,
) -> set[str]:
    """Parameter keys whose resolved value differs under `template`, leaving the map as it was."""
    before = dict(resource_map.resolved_parameters)
    saved = (
        resource_map._template,
        resource_map.input_parameters,
        before,
        dict(resource_map._parsed_resources),
        list(getattr(resource_map, "no_echo_parameter_keys", [])),
    )
    try:
        resource_map._template = template
        resource_map.input_parameters = parameters or resource_map.input_parameters
        resource_map.resolved_parameters = {}
        _original_load_parameters(resource_map)
        after = dict(resource_map.resolved_parameters)
    except Exception:  # noqa: BLE001 - a parameter that cannot resolve fails the update itself, later
        return set()
    finally:
        (
            resource_map._template,
            resource_map.input_parameters,
            resource_map.resolved_parameters,
            parsed,
            resource_map.no_echo_parameter_keys,
        ) = saved
        resource_map._parsed_resources.clear()
        resource_map._parsed_resources.update(parsed)
    return {key for key, value in after.items() if key in before and before[key] != value}


_original_load_parameters = parsing.ResourceMap.load_parameters
_original_parse_ssm_parameter = parsing.ResourceMap.parse_ssm_parameter
_original_build_resource_diff = parsing.ResourceMap.build_resource_diff


def apply() -> list[str]:
    parsing.ResourceMap.parse_ssm_parameter = _parse_ssm_parameter
    cfn_models.Stack.parameter_list = property(_parameter_list)
    parsing.ResourceMap.build_resource_diff = _build_resource_diff
    return [
        "parameters: a missing SSM parameter is a validation error; DescribeStacks reports ResolvedValue",
        "parameters: an update modifies what uses a parameter that resolves to a new value",
    ]
