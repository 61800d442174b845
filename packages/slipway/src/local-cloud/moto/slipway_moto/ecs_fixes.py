"""ECS task definitions and services as CloudFormation describes them.

moto's handlers pass only a few properties to its ECS backend: a service loses its load
balancers, network configuration, Cloud Map registration, capacity providers and its whole
deployment configuration (circuit breaker, alarms, strategy); a task definition loses its CPU,
network mode, roles and platform, and an update re-registers it with keys in the wrong case. Here
every property the service stacks set reaches the backend, so `describe-services` and
`describe-task-definition` show what the template asked for. No task ever runs: moto keeps the
service's desired count as its running count.
"""

from typing import Any

from moto.core.utils import pascal_to_camelcase, remap_nested_keys
from moto.ecs.models import Service, TaskDefinition, ecs_backends


def _camel(value: Any) -> Any:
    return remap_nested_keys(value, pascal_to_camelcase) if value is not None else None


def _name(value: Any, attribute: str) -> Any:
    """A `Ref` inside the same stack resolves to moto's object; elsewhere it is already a string."""
    return getattr(value, attribute) if not isinstance(value, str) else value


def _register_task_definition(
    name: str,
    properties: dict[str, Any],
    account_id: str,
    region_name: str,
) -> Any:
    p = properties
    return ecs_backends[account_id][region_name].register_task_definition(
        family=p.get("Family", name),
        container_definitions=_camel(p.get("ContainerDefinitions", [])),
        volumes=_camel(p.get("Volumes", [])),
        network_mode=p.get("NetworkMode"),
        tags=_camel(p.get("Tags")),
        requires_compatibilities=p.get("RequiresCompatibilities"),
        cpu=p.get("Cpu"),
        memory=p.get("Memory"),
        task_role_arn=p.get("TaskRoleArn"),
        execution_role_arn=p.get("ExecutionRoleArn"),
        runtime_platform=_camel(p.get("RuntimePlatform")),
        ephemeral_storage=_camel(p.get("EphemeralStorage")),
    )


def _task_definition_create(
    cls: Any,
    resource_name: str,
    cloudformation_json: Any,
    account_id: str,
    region_name: str,
    **kwargs: Any,
) -> Any:
    return _register_task_definition(resource_name, cloudformation_json["Properties"], account_id, region_name)


def _task_definition_update(
    cls: Any,
    original_resource: Any,
    new_resource_name: str,
    cloudformation_json: Any,
    account_id: str,
    region_name: str,
) -> Any:
    """A changed task definition is a new revision, as on AWS; the old one is deregistered."""
    created = _register_task_definition(new_resource_name, cloudformation_json["Properties"], account_id, region_name)
    ecs_backends[account_id][region_name].deregister_task_definition(original_resource.arn)
    return created


def _service_extras(service: Any, p: dict[str, Any]) -> None:
    """What `create_service` does not take, set where moto's serializer reads it."""
    service.deployment_configuration = _camel(p.get("DeploymentConfiguration"))
    service.capacity_provider_strategy = _camel(p.get("CapacityProviderStrategy", []))
    service.health_check_grace_period_seconds = p.get("HealthCheckGracePeriodSeconds")
    service.enable_ecs_managed_tags = p.get("EnableECSManagedTags", False)
    service.enable_execute_command = p.get("EnableExecuteCommand", False)
    if "LaunchType" not in p:
        # With a capacity provider strategy the service has no launch type of its own.
        service.launch_type = None


def _service_create(
    cls: Any,
    resource_name: str,
    cloudformation_json: Any,
    account_id: str,
    region_name: str,
    **kwargs: Any,
) -> Any:
    p = cloudformation_json["Properties"]
    backend = ecs_backends[account_id][region_name]
    strategy = p.get("CapacityProviderStrategy", [])
    uses_fargate = any(s.get("CapacityProvider", "").startswith("FARGATE") for s in strategy)
    service = backend.create_service(
        _name(p["Cluster"], "name"),
        p.get("ServiceName", resource_name),
        p.get("DesiredCount"),
        task_definition_str=_name(p["TaskDefinition"], "arn"),
        load_balancers=_camel(p.get("LoadBalancers", [])),
        tags=_camel(p.get("Tags")),
        deployment_controller=_camel(p.get("DeploymentController")),
        launch_type=p.get("LaunchType") or ("FARGATE" if uses_fargate else None),
        service_registries=_camel(p.get("ServiceRegistries", [])),
        platform_version=p.get("PlatformVersion"),
        propagate_tags=p.get("PropagateTags", "NONE"),
        network_configuration=_camel(p.get("NetworkConfiguration")),
    )
    _service_extras(service, p)
    return service


def _service_update(
    cls: Any,
    original_resource: Any,
    new_resource_name: str,
    cloudformation_json: Any,
    account_id: str,
    region_name: str,
) -> Any:
    p = cloudformation_json["Properties"]
    service = ecs_backends[account_id][region_name].update_service(
        {
            "cluster": _name(p["Cluster"], "name"),
            "service": original_resource.name,
            "task_definition": _name(p["TaskDefinition"], "arn"),
            "desired_count": p.get("DesiredCount"),
            "load_balancers": _camel(p.get("LoadBalancers")),
            "service_registries": _camel(p.get("ServiceRegistries")),
            "network_configuration": _camel(p.get("NetworkConfiguration")),
        }
    )
    _service_extras(service, p)
    return service


def apply() -> list[str]:
    TaskDefinition.create_from_cloudformation_json = classmethod(_task_definition_create)
    TaskDefinition.update_from_cloudformation_json = classmethod(_task_definition_update)
    Service.create_from_cloudformation_json = classmethod(_service_create)
    Service.update_from_cloudformation_json = classmethod(_service_update)
    return [
        "AWS::ECS::TaskDefinition: every property, new revision on update",
        "AWS::ECS::Service: load balancers, network, Cloud Map, capacity providers, deployment configuration",
    ]
