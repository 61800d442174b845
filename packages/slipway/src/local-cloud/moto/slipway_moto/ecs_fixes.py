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
from moto.ec2.models.elastic_network_interfaces import NetworkInterface
from moto.ecs.models import EC2ContainerServiceBackend, Service, TaskDefinition, ecs_backends


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


def _fargate_task_requirements(task_definition: TaskDefinition) -> dict[str, Any]:
    """What `run-task` places: a Fargate task sizes CPU and memory once, on the task definition.

    moto adds up each container's `memory`, which Fargate containers may leave out, so running a
    one-off task of such a definition failed with a TypeError. The task-level sizes count instead.
    """
    ports = [
        mapping["hostPort"]
        for container in task_definition.container_definitions
        for mapping in container.get("portMappings", []) or []
        if "hostPort" in mapping
    ]
    return {
        "CPU": int(task_definition.cpu or 0),
        "MEMORY": int(task_definition.memory or 0),
        "PORTS": ports,
        "PORTS_UDP": [],
    }


def _stop_task_releases_interface(original: Any) -> Any:
    """A stopped Fargate task gives its network interface back, as on AWS.

    moto keeps it, in the subnet, forever; every one-off task would leave one behind.
    """

    def stop_task(self: Any, cluster_str: str, task_str: str, reason: str) -> Any:
        from moto.ec2.models import ec2_backends

        task = original(self, cluster_str, task_str, reason)
        for attachment in list(task.attachments):
            if attachment.get("type") != "ElasticNetworkInterface":
                continue
            details = {d["name"]: d["value"] for d in attachment.get("details", [])}
            eni = details.get("networkInterfaceId")
            if eni:
                ec2_backends[self.account_id][self.region_name].delete_network_interface(eni)
            attachment["status"] = "DELETED"
        return task

    return stop_task


def apply() -> list[str]:
    # moto names the interface's DNS name only in VPCs it created with DNS hostnames on; the
    # network stack's VPC reaches it through CloudFormation without that flag, and run-task then
    # failed reading the attribute.
    NetworkInterface.private_dns_name = None
    EC2ContainerServiceBackend.stop_task = _stop_task_releases_interface(EC2ContainerServiceBackend.stop_task)
    EC2ContainerServiceBackend._calculate_task_resource_requirements = staticmethod(_fargate_task_requirements)
    TaskDefinition.create_from_cloudformation_json = classmethod(_task_definition_create)
    TaskDefinition.update_from_cloudformation_json = classmethod(_task_definition_update)
    Service.create_from_cloudformation_json = classmethod(_service_create)
    Service.update_from_cloudformation_json = classmethod(_service_update)
    return [
        "AWS::ECS::TaskDefinition: every property, new revision on update",
        "AWS::ECS::Service: load balancers, network, Cloud Map, capacity providers, deployment configuration",
        "ecs run-task: Fargate tasks sized by their task definition, in any VPC; stop-task frees the interface",
    ]
