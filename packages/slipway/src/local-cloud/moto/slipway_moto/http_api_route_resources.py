"""An HTTP API's integrations and routes: where a request goes, and which requests go there.

Made through moto's apigatewayv2 backend, so `get-integrations` and `get-routes` answer. An
integration naming a VPC link that does not exist, or a route whose target is no integration of
its API, fails with the property named (`http_api_checks.py`), as API Gateway refuses them.

Refs are the integration's and the route's ids. One changed in place keeps its id, as on AWS, so
routes keep their targets and the stack's outputs stay true.
"""

from typing import Any

from .added_resource import AddedResource, cfn_flag, register
from .http_api_checks import HttpApiInvalid, check_integration, check_route_key, integration_of_target
from .http_api_resources import api_named, backend, camel


def _keep_id(collection: dict[str, Any], made: Any, new_id: str, kept_id: str, id_attribute: str) -> Any:
    """A changed integration or route is made afresh, then given its old id, so Refs to it stay true."""
    collection.pop(new_id, None)
    collection.pop(kept_id, None)
    setattr(made, id_attribute, kept_id)
    collection[kept_id] = made
    return made


@register
class HttpApiIntegration(AddedResource):
    """Ref and `IntegrationId`: the integration's id."""

    TYPE = "AWS::ApiGatewayV2::Integration"
    CREATE_ONLY = ("ApiId",)

    @staticmethod
    def _make(api: Any, properties: dict[str, Any], account_id: str, region_name: str) -> Any:
        if api.protocol_type == "HTTP":
            links = backend(account_id, region_name).vpc_links
            check_integration(properties, lambda link: link in links)
        timeout = properties.get("TimeoutInMillis")
        return api.create_integration(
            connection_type=properties.get("ConnectionType", "INTERNET"),
            connection_id=properties.get("ConnectionId"),
            description=properties.get("Description"),
            integration_method=properties.get("IntegrationMethod"),
            integration_type=properties["IntegrationType"],
            integration_uri=properties.get("IntegrationUri"),
            integration_subtype=properties.get("IntegrationSubtype"),
            credentials_arn=properties.get("CredentialsArn"),
            payload_format_version=str(properties.get("PayloadFormatVersion", "1.0")),
            request_parameters=dict(properties["RequestParameters"]) if "RequestParameters" in properties else None,
            response_parameters=camel(properties.get("ResponseParameters")),
            timeout_in_millis=str(timeout) if timeout is not None else None,
            tls_config=camel(properties.get("TlsConfig")),
        )

    @classmethod
    def create(cls, name: str, properties: dict[str, Any], account_id: str, region_name: str) -> AddedResource:
        api = api_named(account_id, region_name, properties["ApiId"])
        integration = cls._make(api, properties, account_id, region_name)
        return cls(integration.id, {"IntegrationId": integration.id}, properties, account_id, region_name)

    @classmethod
    def update(
        cls, original: AddedResource, name: str, properties: dict[str, Any], account_id: str, region_name: str
    ) -> AddedResource:
        api = api_named(account_id, region_name, properties["ApiId"])
        made = cls._make(api, properties, account_id, region_name)
        _keep_id(api.integrations, made, made.id, original.physical_id, "id")
        return cls(original.physical_id, original.attributes, properties, account_id, region_name)

    def remove(self) -> None:
        api = backend(self.account_id, self.region_name).apis.get(self.properties["ApiId"])
        if api is not None:
            api.delete_integration(self.physical_id)


@register
class HttpApiRoute(AddedResource):
    """Ref and `RouteId`: the route's id. Its target must be an integration of the same API."""

    TYPE = "AWS::ApiGatewayV2::Route"
    CREATE_ONLY = ("ApiId",)

    @staticmethod
    def _make(api: Any, properties: dict[str, Any], replacing: str | None) -> Any:
        route_key = properties["RouteKey"]
        if api.protocol_type == "HTTP":
            check_route_key(route_key)
        integration = integration_of_target(properties.get("Target"))
        if integration is not None and integration not in api.integrations:
            raise HttpApiInvalid(
                f"Target: API {api.api_id} has no integration '{integration}'; target an integration of the same API"
            )
        for route in api.routes.values():
            if route.route_key == route_key and route.route_id != replacing:
                raise HttpApiInvalid(
                    f"RouteKey: API {api.api_id} already has the route '{route_key}'; give another key"
                )
        return api.create_route(
            api_key_required=cfn_flag(properties.get("ApiKeyRequired", False)),
            authorization_scopes=list(properties.get("AuthorizationScopes") or []),
            authorization_type=properties.get("AuthorizationType", "NONE"),
            authorizer_id=properties.get("AuthorizerId"),
            operation_name=properties.get("OperationName"),
            request_models=properties.get("RequestModels"),
            request_parameters=camel(properties.get("RequestParameters")),
            route_key=route_key,
            target=properties.get("Target"),
        )

    @classmethod
    def create(cls, name: str, properties: dict[str, Any], account_id: str, region_name: str) -> AddedResource:
        api = api_named(account_id, region_name, properties["ApiId"])
        route = cls._make(api, properties, None)
        return cls(route.route_id, {"RouteId": route.route_id}, properties, account_id, region_name)

    @classmethod
    def update(
        cls, original: AddedResource, name: str, properties: dict[str, Any], account_id: str, region_name: str
    ) -> AddedResource:
        api = api_named(account_id, region_name, properties["ApiId"])
        made = cls._make(api, properties, original.physical_id)
        _keep_id(api.routes, made, made.route_id, original.physical_id, "route_id")
        return cls(original.physical_id, original.attributes, properties, account_id, region_name)

    def remove(self) -> None:
        api = backend(self.account_id, self.region_name).apis.get(self.properties["ApiId"])
        if api is not None:
            api.delete_route(self.physical_id)
