"""The monitoring stack's uptime canaries.

moto has a Synthetics backend (CreateCanary, GetCanary, DescribeCanaries) but no CloudFormation
handler for `AWS::Synthetics::Canary`, so the stack would leave the canary out and a `Ref` to it (the
alarm's `CanaryName` dimension) would resolve to nothing. The canary is created through the backend,
so `GetCanary` shows the schedule, runtime, code and run settings the template set. Nothing runs:
no Lambda function is made and the script never calls its URL.
"""

from typing import Any

from moto.synthetics.models import synthetics_backends

from .added_resource import AddedResource, cfn_flag, register, tag_list


@register
class Canary(AddedResource):
    """Its `Ref` is the canary's name; `GetAtt` gives `Id` and `State`, as CloudFormation documents."""

    TYPE = "AWS::Synthetics::Canary"
    NAME_PROPERTY = "Name"

    @classmethod
    def create(
        cls,
        name: str,
        properties: dict[str, Any],
        account_id: str,
        region_name: str,
    ) -> AddedResource:
        canary_name = properties.get("Name", name)
        run_config = dict(properties.get("RunConfig") or {})
        canary = synthetics_backends[account_id][region_name].create_canary(
            name=canary_name,
            code=dict(properties.get("Code") or {}),
            artifact_s3_location=properties["ArtifactS3Location"],
            execution_role_arn=properties["ExecutionRoleArn"],
            schedule=dict(properties.get("Schedule") or {}),
            run_config=run_config,
            success_retention_period_in_days=int(properties.get("SuccessRetentionPeriod", 31)),
            failure_retention_period_in_days=int(properties.get("FailureRetentionPeriod", 31)),
            runtime_version=properties["RuntimeVersion"],
            vpc_config=properties.get("VPCConfig"),
            resources_to_replicate_tags=properties.get("ResourcesToReplicateTags"),
            provisioned_resource_cleanup=properties.get("ProvisionedResourceCleanup"),
            browser_configs=properties.get("BrowserConfigs"),
            tags={tag["Key"]: tag["Value"] for tag in tag_list(properties.get("Tags"))},
            artifact_config=properties.get("ArtifactConfig"),
        )
        # A canary that starts after creation is running; one that does not waits, as on AWS.
        canary.state = "RUNNING" if cfn_flag(properties.get("StartCanaryAfterCreation")) else "READY"
        return cls(canary_name, {"Id": canary.id, "State": canary.state}, properties, account_id, region_name)

    @classmethod
    def update(
        cls,
        original: AddedResource,
        name: str,
        properties: dict[str, Any],
        account_id: str,
        region_name: str,
    ) -> AddedResource:
        """A new name replaces the canary; anything else is changed in place (UpdateCanary) and keeps its id."""
        if properties.get("Name", name) != original.physical_id:
            original.remove()
            return cls.create(name, properties, account_id, region_name)
        canary_id = original.attributes["Id"]
        original.remove()
        updated = cls.create(name, properties, account_id, region_name)
        canary = synthetics_backends[account_id][region_name].canaries[updated.physical_id]
        canary.id = canary_id
        updated.attributes["Id"] = canary_id
        return updated

    def remove(self) -> None:
        synthetics_backends[self.account_id][self.region_name].canaries.pop(self.physical_id, None)
