"""The shape every handler for a resource type moto's CloudFormation skips takes, and their registry.

moto has an API backend for each such service but no CloudFormation handler, so a template
resource of these types was silently left out: a `Ref` to it resolved to nothing and a `GetAtt`
failed the stack. A handler creates the resource through moto's own backend, so the SDK sees it
afterwards exactly as if an API call had created it.
"""

from collections.abc import Callable
from typing import Any

from moto.cloudformation import parsing
from moto.cloudformation.exceptions import UnformattedGetAttTemplateException
from moto.core.common_models import CloudFormationModel

_HANDLERS: dict[str, type["AddedResource"]] = {}


def register(cls: type["AddedResource"]) -> type["AddedResource"]:
    _HANDLERS[cls.TYPE] = cls
    return cls


def cfn_flag(value: Any) -> bool:
    """A boolean property: CloudFormation may hand one over as a string."""
    return str(value).lower() == "true"


def tag_list(tags: Any) -> list[dict[str, str]]:
    """CloudFormation writes tags as a list of Key/Value pairs or, for some types, as a map."""
    if isinstance(tags, dict):
        return [{"Key": key, "Value": str(value)} for key, value in tags.items()]
    return list(tags or [])


class AddedResource(CloudFormationModel):
    """One resource created through a moto backend: its physical id and its `GetAtt` attributes."""

    TYPE = ""
    NAME_PROPERTY = ""
    #: Properties CloudFormation cannot change in place: a change to any of them replaces the
    #: resource, before `update` is asked.
    CREATE_ONLY: tuple[str, ...] = ()

    def __init__(
        self,
        physical_id: str,
        attributes: dict[str, Any],
        properties: dict[str, Any],
        account_id: str,
        region_name: str,
    ):
        self.physical_id = physical_id
        self.attributes = attributes
        self.properties = properties
        self.account_id = account_id
        self.region_name = region_name

    # CloudFormationModel's hooks, shared by every added type.
    @classmethod
    def cloudformation_type(cls) -> str:  # type: ignore[override]
        return cls.TYPE

    @classmethod
    def cloudformation_name_type(cls) -> str:  # type: ignore[override]
        return cls.NAME_PROPERTY

    @classmethod
    def has_cfn_attr(cls, attr: str) -> bool:
        return True

    @property
    def physical_resource_id(self) -> str:
        return self.physical_id

    def get_cfn_attribute(self, attribute_name: str) -> Any:
        if attribute_name in self.attributes:
            return self.attributes[attribute_name]
        raise UnformattedGetAttTemplateException()

    def is_created(self) -> bool:
        return True

    @classmethod
    def create_from_cloudformation_json(
        cls,
        resource_name: str,
        cloudformation_json: Any,
        account_id: str,
        region_name: str,
        **kwargs: Any,
    ) -> "AddedResource":  # type: ignore[override]
        properties = cloudformation_json.get("Properties", {})
        return cls.create(resource_name, properties, account_id, region_name)

    @classmethod
    def update_from_cloudformation_json(
        cls,
        original_resource: Any,
        new_resource_name: str,
        cloudformation_json: Any,
        account_id: str,
        region_name: str,
    ) -> "AddedResource":  # type: ignore[override]
        properties = cloudformation_json.get("Properties", {})
        if any(original_resource.properties.get(key) != properties.get(key) for key in cls.CREATE_ONLY):
            return cls.replace(original_resource, new_resource_name, properties, account_id, region_name)
        return cls.update(original_resource, new_resource_name, properties, account_id, region_name)

    @classmethod
    def delete_from_cloudformation_json(
        cls,
        resource_name: str,
        cloudformation_json: Any,
        account_id: str,
        region_name: str,
    ) -> None:  # type: ignore[override]
        """Only reached for a resource that was never created here; there is nothing to delete."""

    def delete(self, account_id: str, region_name: str) -> None:
        self.remove()

    # What each type implements.
    @classmethod
    def create(
        cls,
        name: str,
        properties: dict[str, Any],
        account_id: str,
        region_name: str,
    ) -> "AddedResource":
        raise NotImplementedError

    @classmethod
    def update(
        cls,
        original: "AddedResource",
        name: str,
        properties: dict[str, Any],
        account_id: str,
        region_name: str,
    ) -> "AddedResource":
        """By default a changed resource is replaced."""
        return cls.replace(original, name, properties, account_id, region_name)

    @classmethod
    def replace(
        cls,
        original: "AddedResource",
        name: str,
        properties: dict[str, Any],
        account_id: str,
        region_name: str,
    ) -> "AddedResource":
        """The old resource removed and a new one made from the new properties."""
        original.remove()
        return cls.create(name, properties, account_id, region_name)

    def remove(self) -> None:
        raise NotImplementedError


def _with_added(
    original: Callable[[], dict[str, Any]],
    value: Callable[[type[AddedResource]], Any],
) -> Callable[[], dict[str, Any]]:
    def merged() -> dict[str, Any]:
        return {**original(), **{type_name: value(cls) for type_name, cls in _HANDLERS.items()}}

    return merged


def apply() -> list[str]:
    # Importing the modules registers their handlers.
    from . import delivery_resources, identity_resources, monitoring_resources  # noqa: F401
    from . import cache_resources, eks_resources, network_resources, platform_resources  # noqa: F401
    from . import auth_resources, chat_resources, messaging_resources  # noqa: F401
    from . import cloudfront_resources, log_delivery_resources, waf_resources  # noqa: F401
    from . import datadog_resources, synthetics_resources  # noqa: F401
    from . import http_api_domain_resources, http_api_resources, http_api_route_resources  # noqa: F401

    parsing.get_model_map = _with_added(parsing.get_model_map, lambda cls: cls)
    parsing.get_name_type_map = _with_added(parsing.get_name_type_map, lambda cls: cls.NAME_PROPERTY)
    return [f"resource: {type_name}" for type_name in _HANDLERS]
