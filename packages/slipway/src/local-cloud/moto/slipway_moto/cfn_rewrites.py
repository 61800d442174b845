"""Rewriting a resource's properties before moto's CloudFormation handler creates it.

CloudFormation spells some properties in one shape per resource type, and some of moto's handlers
expect another: tags as `TagKey`/`TagValue`, a key as the API's `kmsKeyId`. A mismatch either fails
the whole stack or silently drops the setting. Each fix names the type and the rewrite.
"""

from typing import Any, Callable


def rewrite_properties_on_create(model: Any, rewrite: Callable[[dict[str, Any]], None]) -> None:
    """Wraps `model.create_from_cloudformation_json` so `rewrite` may change `Properties` in place first."""
    rewrite_named_properties_on_create(model, lambda _name, properties: rewrite(properties))


def rewrite_named_properties_on_create(model: Any, rewrite: Callable[[str, dict[str, Any]], None]) -> None:
    """As `rewrite_properties_on_create`, with the physical name moto generated for the resource."""
    original = model.create_from_cloudformation_json.__func__

    def create(
        cls: Any,
        resource_name: str,
        cloudformation_json: Any,
        account_id: str,
        region_name: str,
        **kwargs: Any,
    ) -> Any:
        rewrite(resource_name, cloudformation_json.setdefault("Properties", {}))
        return original(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs)

    model.create_from_cloudformation_json = classmethod(create)


def convert_tags_on_create(model: Any, convert: Callable[[Any], Any]) -> None:
    """`Properties.Tags` passes through `convert` before `model` is created."""

    def rewrite(properties: dict[str, Any]) -> None:
        if "Tags" in properties:
            properties["Tags"] = convert(properties["Tags"])

    rewrite_properties_on_create(model, rewrite)
