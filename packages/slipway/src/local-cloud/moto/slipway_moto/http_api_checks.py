"""What API Gateway refuses in an HTTP API's routes and integrations, checked before moto records them.

moto's apigatewayv2 backend stores whatever it is given, so a route key API Gateway would reject,
a target naming no integration, or a private integration whose VPC link does not exist deployed
locally and failed only on AWS. Each check names the property, what is wrong and the fix.
"""

import re
from typing import Any


class HttpApiInvalid(ValueError):
    """A property API Gateway would refuse; the message says which and how to fix it."""


_METHODS = ("ANY", "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS")

# HTTP APIs take two integration types: Lambda proxy and HTTP proxy (private or public).
_HTTP_INTEGRATION_TYPES = ("AWS_PROXY", "HTTP_PROXY")

# A private integration reaches a load balancer listener or a Cloud Map service, by ARN.
_PRIVATE_TARGET = re.compile(
    r"^arn:aws[a-z-]*:(servicediscovery:[a-z0-9-]+:\d{12}:service/srv-[a-z0-9]+"
    r"|elasticloadbalancing:[a-z0-9-]+:\d{12}:listener/(app|net)/.+)$"
)

# Parameter mapping of HTTP APIs: headers and query strings are appended, overwritten or removed;
# the path can only be overwritten.
_PARAMETER_KEY = re.compile(r"^((append|overwrite|remove):(header|querystring)\.[^.\s]+|overwrite:path)$")

_TIMEOUT_MS = (50, 30_000)


def check_protocol(properties: dict[str, Any]) -> str:
    protocol = properties.get("ProtocolType")
    if protocol not in ("HTTP", "WEBSOCKET"):
        raise HttpApiInvalid(f"ProtocolType: '{protocol}' is not a protocol of API Gateway v2; use HTTP or WEBSOCKET")
    if not properties.get("Name"):
        raise HttpApiInvalid("Name is required: name the API")
    for unsupported in ("Body", "BodyS3Location", "Target", "RouteKey"):
        if unsupported in properties:
            raise HttpApiInvalid(
                f"{unsupported}: the local emulator does not import or quick-create an API; "
                "declare its routes, integrations and stage as their own resources"
            )
    return protocol


def check_route_key(route_key: Any) -> None:
    """`$default`, or a method and a path like `ANY /orders/{proxy+}`."""
    if route_key == "$default":
        return
    parts = str(route_key).split(" ")
    method, path = (parts[0], parts[1]) if len(parts) == 2 else ("", "")
    if method not in _METHODS or not path.startswith("/"):
        raise HttpApiInvalid(
            f"RouteKey: '{route_key}' is not a route key; write '$default' or a method "
            f"({', '.join(_METHODS)}) and a path starting with '/', like 'ANY /orders/{{proxy+}}'"
        )
    segments = path.split("/")
    for index, segment in enumerate(segments):
        if segment.endswith("+}") and index != len(segments) - 1:
            raise HttpApiInvalid(
                f"RouteKey: '{route_key}' has the greedy variable {segment} before the end; "
                "a greedy path variable must be the last segment"
            )


def integration_of_target(target: Any) -> str | None:
    """The integration id a route's `Target` names, or None when the route has no target."""
    if target is None:
        return None
    match = re.fullmatch(r"integrations/([A-Za-z0-9]+)", str(target))
    if match is None:
        raise HttpApiInvalid(
            f"Target: '{target}' is not an integration target; write 'integrations/<IntegrationId>' "
            "with the Ref of an AWS::ApiGatewayV2::Integration"
        )
    return match.group(1)


def check_integration(properties: dict[str, Any], vpc_link_exists: Any) -> None:
    """An HTTP API's integration: its type, its connection and where it goes, its payload and timeout."""
    kind = properties.get("IntegrationType")
    if kind not in _HTTP_INTEGRATION_TYPES:
        raise HttpApiInvalid(
            f"IntegrationType: '{kind}' is not an integration type of HTTP APIs; use HTTP_PROXY or AWS_PROXY"
        )
    connection = properties.get("ConnectionType", "INTERNET")
    uri = str(properties.get("IntegrationUri") or "")
    if connection == "VPC_LINK":
        link = properties.get("ConnectionId")
        if not link:
            raise HttpApiInvalid("ConnectionId is required with ConnectionType VPC_LINK: pass the Ref of the VPC link")
        if not vpc_link_exists(link):
            raise HttpApiInvalid(
                f"ConnectionId: no VPC link '{link}' in this region; pass the Ref of an AWS::ApiGatewayV2::VpcLink"
            )
        if not _PRIVATE_TARGET.match(uri):
            raise HttpApiInvalid(
                f"IntegrationUri: '{uri}' is not a private integration target; pass a Cloud Map service's "
                "ARN or a load balancer listener's ARN"
            )
    elif connection == "INTERNET":
        if properties.get("ConnectionId"):
            raise HttpApiInvalid("ConnectionId: only a VPC_LINK connection names one; set ConnectionType VPC_LINK")
    else:
        raise HttpApiInvalid(f"ConnectionType: '{connection}' is not a connection type; use INTERNET or VPC_LINK")
    if kind == "HTTP_PROXY":
        if not uri:
            raise HttpApiInvalid("IntegrationUri is required for HTTP_PROXY: pass a URL or a private target's ARN")
        if not properties.get("IntegrationMethod"):
            raise HttpApiInvalid("IntegrationMethod is required for HTTP_PROXY: use ANY to pass the caller's method")
        version = str(properties.get("PayloadFormatVersion", "1.0"))
        if version != "1.0":
            raise HttpApiInvalid(f"PayloadFormatVersion: '{version}' is for Lambda proxies; HTTP_PROXY takes 1.0")
    timeout = properties.get("TimeoutInMillis")
    if timeout is not None and not _TIMEOUT_MS[0] <= int(timeout) <= _TIMEOUT_MS[1]:
        raise HttpApiInvalid(
            f"TimeoutInMillis: {timeout} is outside what HTTP APIs allow; give {_TIMEOUT_MS[0]} to {_TIMEOUT_MS[1]}"
        )
    for key in properties.get("RequestParameters") or {}:
        if not _PARAMETER_KEY.match(key):
            raise HttpApiInvalid(
                f"RequestParameters: '{key}' is not a parameter mapping of HTTP APIs; write "
                "'<append|overwrite|remove>:header.<name>', the same for querystring, or 'overwrite:path'"
            )
