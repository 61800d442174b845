"""Deleting the service and preview stacks' resources, which moto's CloudFormation leaves in place.

moto has no CloudFormation delete for ECS services and task definitions, load balancer listeners,
listener rules and target groups, or standalone security-group ingress rules: deleting a stack
reported them deleted and kept them, so a preview taken down left its service running in the
cluster, its listener on the shared load balancer and its rules on the shared security groups.
Each gets the delete its own API call would do. Resources already gone count as deleted, as on AWS.
"""

from typing import Any

from moto.ec2.models import ec2_backends
from moto.ec2.models.security_groups import SecurityGroupIngress
from moto.ecs.models import Service, TaskDefinition, ecs_backends
from moto.elbv2.models import FakeListener, FakeListenerRule, FakeTargetGroup, elbv2_backends

from .resource_deletes import deleting


def _service(self: Any, account_id: str, region_name: str) -> None:
    ecs_backends[account_id][region_name].delete_service(self.cluster_name, self.name, force=True)


def _task_definition(self: Any, account_id: str, region_name: str) -> None:
    ecs_backends[account_id][region_name].deregister_task_definition(self.arn)


def _listener(self: Any, account_id: str, region_name: str) -> None:
    elbv2_backends[account_id][region_name].delete_listener(self.arn)


def _listener_rule(self: Any, account_id: str, region_name: str) -> None:
    elbv2_backends[account_id][region_name].delete_rule(self.arn)


def _target_group(self: Any, account_id: str, region_name: str) -> None:
    elbv2_backends[account_id][region_name].delete_target_group(self.arn)


def _ingress(self: Any, account_id: str, region_name: str) -> None:
    """Revokes exactly the rule the resource authorized."""
    p = self.properties
    source = {
        key: value
        for key, value in (("GroupId", p.get("SourceSecurityGroupId")), ("GroupName", p.get("SourceSecurityGroupName")))
        if value
    }
    ranges = [{"CidrIp": p["CidrIp"], "Description": p.get("Description")}] if p.get("CidrIp") else []
    ec2_backends[account_id][region_name].revoke_security_group_ingress(
        group_name_or_id=self.security_group.id,
        ip_protocol=p.get("IpProtocol"),
        from_port=p.get("FromPort"),
        to_port=p.get("ToPort"),
        ip_ranges=ranges,
        source_groups=[source] if source else [],
    )


_DELETES = {
    Service: _service,
    TaskDefinition: _task_definition,
    FakeListener: _listener,
    FakeListenerRule: _listener_rule,
    FakeTargetGroup: _target_group,
    SecurityGroupIngress: _ingress,
}

_GONE = ("NotFound", "DoesNotExist", "ServiceNotFound", "ClientException")


def _active_services_only(original: Any) -> Any:
    """`list-services` leaves out deleted (INACTIVE) services, as ECS does; describe still finds them."""

    def list_services(self: Any, cluster_str: str, *args: Any, **kwargs: Any) -> list[str]:
        inactive = {s.arn for s in self.services.values() if s.status == "INACTIVE"}
        return [arn for arn in original(self, cluster_str, *args, **kwargs) if arn not in inactive]

    return list_services


def apply() -> list[str]:
    from moto.ecs.models import EC2ContainerServiceBackend

    for cls, delete in _DELETES.items():
        cls.delete = deleting(delete, _GONE)
    EC2ContainerServiceBackend.list_services = _active_services_only(EC2ContainerServiceBackend.list_services)
    return [f"delete: {cls.cloudformation_type()}" for cls in _DELETES] + ["ecs list-services: active services only"]
