"""An API Gateway HTTP API in front of the services: the API, its stage and its VPC link.

moto has the apigatewayv2 API but no CloudFormation handlers, so these types were left out of a
stack. Each handler here drives moto's backend, so `get-apis`, `get-stages` and `get-vpc-links`
answer with what the template made (integrations and routes: `http_api_route_resources.py`; the
custom domain: `http_api_domain_resources.py`). What API Gateway refuses fails the resource with
the property named. Nothing is routed: the API's endpoint does not resolve and no request reaches
a service.

Refs are CloudFormation's: the API's and the VPC link's ids, the stage's name.
"""

from datetime import datetime
from typing import Any

from moto.apigatewayv2.exceptions import ApiNotFound
from moto.apigatewayv2.models import apigatewayv2_backends
from moto.core.utils import pascal_to_camelcase, remap_nested_keys
from moto.ec2.exceptions import InvalidSubnetIdError
from moto.ec2.models import ec2_backends

from .added_resource import AddedResource, cfn_flag, register
from .http_api_checks import HttpApiInvalid, check_protocol


def backend(account_id: str, region_name: str) -> Any:
    return apigatewayv2_backends[account_id][region_name]


def camel(value: Any) -> Any:
    return remap_nested_keys(value, pascal_to_camelcase) if value is not None else None


def tag_map(tags: Any) -> dict[str, str]:
    """API Gateway v2 types take tags as a map; accept the Key/Value list other types use too."""
    if isinstance(tags, list):
        return {tag["Key"]: str(tag["Value"]) for tag in tags}
    return {key: str(value) for key, value in (tags or {}).items()}


def api_named(account_id: str, region_name: str, api_id: Any) -> Any:
    try:
        return backend(account_id, region_name).get_api(str(api_id))
    except ApiNotFound:
        raise HttpApiInvalid(
            f"ApiId: no API '{api_id}' in {region_name}; pass the Ref of an AWS::ApiGatewayV2::Api"
        ) from None


def _retag(account_id: str, region_name: str, arn: str, tags: Any) -> None:
    apis = backend(account_id, region_name)
    apis.untag_resource(arn, list(apis.get_tags(arn)))
    apis.tag_resource(arn, tag_map(tags))


@register
class HttpApi(AddedResource):
    """Ref and `ApiId`: the API's id; `ApiEndpoint`: `https://<id>.execute-api.<region>.amazonaws.com`."""

    TYPE = "AWS::ApiGatewayV2::Api"
    CREATE_ONLY = ("ProtocolType",)

    @staticmethod
    def _settings(properties: dict[str, Any]) -> dict[str, Any]:
        return {
            "api_key_selection_expression": properties.get("ApiKeySelectionExpression"),
            "cors_configuration": camel(properties.get("CorsConfiguration")),
            "description": properties.get("Description"),
            "disable_schema_validation": properties.get("DisableSchemaValidation"),
            "disable_execute_api_endpoint": cfn_flag(properties.get("DisableExecuteApiEndpoint", False)),
            "name": properties.get("Name"),
            "route_selection_expression": properties.get("RouteSelectionExpression"),
            "version": properties.get("Version"),
        }

    @classmethod
    def create(cls, name: str, properties: dict[str, Any], account_id: str, region_name: str) -> AddedResource:
        protocol = check_protocol(properties)
        api = backend(account_id, region_name).create_api(
            protocol_type=protocol, tags=tag_map(properties.get("Tags")), **cls._settings(properties)
        )
        attributes = {"ApiId": api.api_id, "ApiEndpoint": api.api_endpoint}
        return cls(api.api_id, attributes, properties, account_id, region_name)

    @classmethod
    def update(
        cls, original: AddedResource, name: str, properties: dict[str, Any], account_id: str, region_name: str
    ) -> AddedResource:
        check_protocol(properties)
        api = backend(account_id, region_name).update_api(api_id=original.physical_id, **cls._settings(properties))
        _retag(account_id, region_name, api.arn, properties.get("Tags"))
        return cls(original.physical_id, original.attributes, properties, account_id, region_name)

    def remove(self) -> None:
        backend(self.account_id, self.region_name).delete_api(self.physical_id)


def _route_settings(settings: Any) -> dict[str, Any]:
    """A stage's route settings in the API's spelling, numbers and flags as the API returns them."""
    converted = dict(camel(settings) or {})
    for flag in ("dataTraceEnabled", "detailedMetricsEnabled"):
        if flag in converted:
            converted[flag] = cfn_flag(converted[flag])
    if "throttlingBurstLimit" in converted:
        converted["throttlingBurstLimit"] = int(converted["throttlingBurstLimit"])
    if "throttlingRateLimit" in converted:
        converted["throttlingRateLimit"] = float(converted["throttlingRateLimit"])
    return converted


def _access_log_settings(settings: Any) -> dict[str, Any] | None:
    if not settings:
        return None
    destination = str(settings.get("DestinationArn") or "")
    log_destination = ":log-group:" in destination or ":deliverystream/" in destination
    if not destination.startswith("arn:") or not log_destination:
        raise HttpApiInvalid(
            f"AccessLogSettings.DestinationArn: '{destination}' is not a log destination; pass a CloudWatch Logs "
            "log group's ARN or a Firehose stream's"
        )
    if not settings.get("Format"):
        raise HttpApiInvalid("AccessLogSettings.Format is required with a destination: give the log line's format")
    return {"destinationArn": destination, "format": settings["Format"]}


@register
class HttpApiStage(AddedResource):
    """Ref: the stage's name (`$default` for an HTTP API's one stage)."""

    TYPE = "AWS::ApiGatewayV2::Stage"
    CREATE_ONLY = ("ApiId", "StageName")

    @staticmethod
    def _apply(stage: Any, properties: dict[str, Any]) -> None:
        stage.default_route_settings = {
            "detailedMetricsEnabled": False,
            **_route_settings(properties.get("DefaultRouteSettings")),
        }
        stage.access_log_settings = _access_log_settings(properties.get("AccessLogSettings"))
        stage.auto_deploy = cfn_flag(properties["AutoDeploy"]) if "AutoDeploy" in properties else None
        stage.client_certificate_id = properties.get("ClientCertificateId")
        stage.description = properties.get("Description")
        # Route keys and stage variable names are the template's own: only the settings are respelled.
        route_settings = properties.get("RouteSettings") or {}
        stage.route_settings = {key: _route_settings(value) for key, value in route_settings.items()}
        stage.stage_variables = dict(properties.get("StageVariables") or {})
        stage.tags = tag_map(properties.get("Tags"))
        stage.updated = datetime.now()

    @classmethod
    def create(cls, name: str, properties: dict[str, Any], account_id: str, region_name: str) -> AddedResource:
        api = api_named(account_id, region_name, properties["ApiId"])
        stage_name = properties["StageName"]
        if stage_name in api.stages:
            raise HttpApiInvalid(f"StageName: API {api.api_id} already has a stage '{stage_name}'; name another")
        # Checked before moto records anything, so a refused stage leaves no half-made stage behind.
        _access_log_settings(properties.get("AccessLogSettings"))
        stage = api.create_stage({"stageName": stage_name})
        cls._apply(stage, properties)
        return cls(stage_name, {}, properties, account_id, region_name)

    @classmethod
    def update(
        cls, original: AddedResource, name: str, properties: dict[str, Any], account_id: str, region_name: str
    ) -> AddedResource:
        stage = api_named(account_id, region_name, properties["ApiId"]).get_stage(original.physical_id)
        cls._apply(stage, properties)
        return cls(original.physical_id, original.attributes, properties, account_id, region_name)

    def remove(self) -> None:
        api = backend(self.account_id, self.region_name).apis.get(self.properties["ApiId"])
        if api is not None:
            api.delete_stage(self.physical_id)


@register
class HttpApiVpcLink(AddedResource):
    """Ref and `VpcLinkId`: the link's id. Its subnets and security groups must exist, as on AWS."""

    TYPE = "AWS::ApiGatewayV2::VpcLink"
    CREATE_ONLY = ("SubnetIds", "SecurityGroupIds")

    @staticmethod
    def _check_network(properties: dict[str, Any], account_id: str, region_name: str) -> None:
        ec2 = ec2_backends[account_id][region_name]
        subnets = list(properties.get("SubnetIds") or [])
        if not subnets:
            raise HttpApiInvalid("SubnetIds is required: give the private subnets the link reaches the services from")
        for subnet in subnets:
            try:
                ec2.get_subnet(subnet)
            except InvalidSubnetIdError:
                raise HttpApiInvalid(
                    f"SubnetIds: no subnet '{subnet}' in {region_name}; pass existing subnet ids"
                ) from None
        for group in properties.get("SecurityGroupIds") or []:
            if ec2.get_security_group_from_id(group) is None:
                raise HttpApiInvalid(
                    f"SecurityGroupIds: no security group '{group}' in {region_name}; pass existing group ids"
                )

    @classmethod
    def create(cls, name: str, properties: dict[str, Any], account_id: str, region_name: str) -> AddedResource:
        if not properties.get("Name"):
            raise HttpApiInvalid("Name is required: name the VPC link")
        cls._check_network(properties, account_id, region_name)
        link = backend(account_id, region_name).create_vpc_link(
            name=properties["Name"],
            sg_ids=list(properties.get("SecurityGroupIds") or []),
            subnet_ids=list(properties["SubnetIds"]),
            tags=tag_map(properties.get("Tags")),
        )
        return cls(link.id, {"VpcLinkId": link.id}, properties, account_id, region_name)

    @classmethod
    def update(
        cls, original: AddedResource, name: str, properties: dict[str, Any], account_id: str, region_name: str
    ) -> AddedResource:
        link = backend(account_id, region_name).update_vpc_link(original.physical_id, properties["Name"])
        _retag(account_id, region_name, link.arn, properties.get("Tags"))
        return cls(original.physical_id, original.attributes, properties, account_id, region_name)

    def remove(self) -> None:
        backend(self.account_id, self.region_name).delete_vpc_link(self.physical_id)
