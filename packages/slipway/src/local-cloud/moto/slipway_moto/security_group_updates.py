"""A security group's inline rules change in place, as on AWS, keeping the group's id.

moto updated an `AWS::EC2::SecurityGroup` by deleting the group and creating another: a new id on
every change of its inline rules or tags. CloudFormation adds new resources before it changes
existing ones, so a rule added in the same update that names the group (an egress to it from
another group) kept the old id, and the next update removing that rule failed: "The security group
... does not exist". On AWS only a new `GroupName`, `GroupDescription` or `VpcId` replaces a
group; rules and tags are updated in place. Here the group keeps its id and the inline ingress
rules it was given last time are revoked and the new ones authorized; rules other resources added
(`AWS::EC2::SecurityGroupIngress`) are left alone.
"""

from typing import Any

from moto.ec2.models import ec2_backends
from moto.ec2.models.security_groups import SecurityGroup

# The inline ingress rules each group was last given from its template, by group id.
_INLINE: dict[str, list[dict[str, Any]]] = {}

_REPLACING = ("GroupDescription", "VpcId", "GroupName")


def _source(rule: dict[str, Any]) -> list[dict[str, str]]:
    found = {
        key: rule[prop]
        for key, prop in (("GroupId", "SourceSecurityGroupId"), ("GroupName", "SourceSecurityGroupName"))
        if rule.get(prop)
    }
    return [found] if found else []


def _rule_arguments(group: Any, rule: dict[str, Any]) -> dict[str, Any]:
    """The backend's arguments for one inline rule of `group`, to authorize or revoke it."""
    return {
        "group_name_or_id": group.id,
        "ip_protocol": rule["IpProtocol"],
        "from_port": rule.get("FromPort"),
        "to_port": rule.get("ToPort"),
        "ip_ranges": [{"CidrIp": rule["CidrIp"]}] if rule.get("CidrIp") else [],
        "source_groups": _source(rule),
    }


def _authorize(backend: Any, group: Any, rule: dict[str, Any]) -> None:
    backend.authorize_security_group_ingress(**_rule_arguments(group, rule), vpc_id=group.vpc_id)


def _revoke(backend: Any, group: Any, rule: dict[str, Any]) -> None:
    try:
        backend.revoke_security_group_ingress(**_rule_arguments(group, rule))
    except Exception:  # noqa: BLE001 - a rule already gone (its source group deleted) counts as revoked
        pass


_RULE_FIELDS = ("IpProtocol", "FromPort", "ToPort", "CidrIp", "SourceSecurityGroupId", "SourceSecurityGroupName")


def _key(rule: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(rule.get(field) for field in _RULE_FIELDS)


def _create(
    cls: Any, resource_name: str, cloudformation_json: Any, account_id: str, region_name: str, **kwargs: Any
) -> Any:
    group = _original_create.__func__(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs)
    _INLINE[group.id] = list(cloudformation_json["Properties"].get("SecurityGroupIngress", []))
    return group


def _update(
    cls: Any,
    original_resource: Any,
    new_resource_name: str,
    cloudformation_json: Any,
    account_id: str,
    region_name: str,
) -> Any:
    properties = cloudformation_json["Properties"]
    replaced = (
        properties.get("GroupDescription") != original_resource.description
        or (properties.get("VpcId") or original_resource.vpc_id) != original_resource.vpc_id
        or (properties.get("GroupName") is not None and properties["GroupName"] != original_resource.name)
    )
    if replaced:
        return _original_update.__func__(
            cls, original_resource, new_resource_name, cloudformation_json, account_id, region_name
        )
    backend = ec2_backends[account_id][region_name]
    before = {_key(rule): rule for rule in _INLINE.get(original_resource.id, [])}
    after = {_key(rule): rule for rule in properties.get("SecurityGroupIngress", [])}
    for key, rule in before.items():
        if key not in after:
            _revoke(backend, original_resource, rule)
    for key, rule in after.items():
        if key not in before:
            _authorize(backend, original_resource, rule)
    _INLINE[original_resource.id] = list(after.values())
    wanted = {tag["Key"]: tag["Value"] for tag in properties.get("Tags", [])}
    stale = {tag["key"]: None for tag in original_resource.get_tags() if tag["key"] not in wanted}
    if stale:
        backend.delete_tags([original_resource.id], stale)
    if wanted:
        original_resource.add_tags(wanted)
    return original_resource


_original_create = SecurityGroup.create_from_cloudformation_json
_original_update = SecurityGroup.update_from_cloudformation_json


def apply() -> list[str]:
    SecurityGroup.create_from_cloudformation_json = classmethod(_create)  # type: ignore[method-assign]
    SecurityGroup.update_from_cloudformation_json = classmethod(_update)  # type: ignore[method-assign]
    return ["ec2: a security group's inline rules and tags change in place, keeping its id"]
