"""The CodePipeline stack's pipelines and its CodeBuild project (`delivery.pipeline: 'codepipeline'`)."""

from typing import Any

from moto.codebuild.models import codebuild_backends
from moto.codepipeline.models import codepipeline_backends
from moto.core.utils import pascal_to_camelcase, remap_nested_keys

from .added_resource import AddedResource, register, tag_list


def _camel(value: Any) -> Any:
    return remap_nested_keys(value, pascal_to_camelcase) if value is not None else None


def _api_tags(tags: Any) -> list[dict[str, str]]:
    """CodeBuild and CodePipeline take tags as lower-case `key`/`value` pairs."""
    return [{"key": tag["Key"], "value": tag["Value"]} for tag in tag_list(tags)]


@register
class CodeBuildProject(AddedResource):
    TYPE = "AWS::CodeBuild::Project"
    NAME_PROPERTY = "Name"

    @classmethod
    def create(
        cls,
        name: str,
        properties: dict[str, Any],
        account_id: str,
        region_name: str,
    ) -> AddedResource:
        project_name = properties.get("Name", name)
        project = codebuild_backends[account_id][region_name].create_project(
            project_name=project_name,
            description=properties.get("Description"),
            project_source=_camel(properties.get("Source")),
            artifacts=_camel(properties.get("Artifacts")),
            environment=_camel(properties.get("Environment")),
            service_role=properties["ServiceRole"],
            tags=_api_tags(properties.get("Tags")),
            cache=_camel(properties.get("Cache")),
            timeout=properties.get("TimeoutInMinutes"),
            queued_timeout=properties.get("QueuedTimeoutInMinutes"),
            source_version=properties.get("SourceVersion"),
            logs_config=_camel(properties.get("LogsConfig")),
            vpc_config=_camel(properties.get("VpcConfig")),
        )
        return cls(project_name, {"Arn": project["arn"]}, properties, account_id, region_name)

    def remove(self) -> None:
        codebuild_backends[self.account_id][self.region_name].delete_project(self.physical_id)


@register
class Pipeline(AddedResource):
    """The API's pipeline structure is CloudFormation's in camel case, except two parts.

    Action configuration keys stay as written (`RepositoryName`, `ClusterName`: the API uses the
    same), and cross-region artifact stores are a map of region to store in the API, a list of
    `{Region, ArtifactStore}` in CloudFormation.
    """

    TYPE = "AWS::CodePipeline::Pipeline"
    NAME_PROPERTY = "Name"

    @classmethod
    def create(
        cls,
        name: str,
        properties: dict[str, Any],
        account_id: str,
        region_name: str,
    ) -> AddedResource:
        pipeline_name = properties.get("Name", name)
        pipeline: dict[str, Any] = {
            "name": pipeline_name,
            "roleArn": properties["RoleArn"],
            "stages": [_stage(stage) for stage in properties.get("Stages", [])],
        }
        if "ArtifactStore" in properties:
            pipeline["artifactStore"] = _camel(properties["ArtifactStore"])
        if "ArtifactStores" in properties:
            pipeline["artifactStores"] = {
                store["Region"]: _camel(store["ArtifactStore"]) for store in properties["ArtifactStores"]
            }
        for key in ("PipelineType", "ExecutionMode", "Variables", "Triggers"):
            if key in properties:
                pipeline[pascal_to_camelcase(key)] = _camel(properties[key])
        backend = codepipeline_backends[account_id][region_name]
        backend.create_pipeline(pipeline, _api_tags(properties.get("Tags")))
        return cls(pipeline_name, {"Version": "1"}, properties, account_id, region_name)

    def remove(self) -> None:
        codepipeline_backends[self.account_id][self.region_name].delete_pipeline(self.physical_id)


def _stage(stage: dict[str, Any]) -> dict[str, Any]:
    converted = _camel({key: value for key, value in stage.items() if key != "Actions"})
    converted["actions"] = [_action(action) for action in stage.get("Actions", [])]
    return converted


def _action(action: dict[str, Any]) -> dict[str, Any]:
    converted = _camel({key: value for key, value in action.items() if key != "Configuration"})
    if "Configuration" in action:
        converted["configuration"] = {key: str(value) for key, value in action["Configuration"].items()}
    return converted
