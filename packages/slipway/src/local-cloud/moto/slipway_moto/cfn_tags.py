"""Rewriting a resource's `Tags` before moto's CloudFormation handler creates it.

CloudFormation gives tags in one shape per resource type; some of moto's handlers expect another
and fail the whole stack on the difference. Each fix names the type and the conversion.
"""

from typing import Any, Callable


def convert_tags_on_create(model: Any, convert: Callable[[Any], Any]) -> None:
    """Wraps `model.create_from_cloudformation_json` so `Properties.Tags` passes through `convert` first."""
    original = model.create_from_cloudformation_json.__func__

    def create(
        cls: Any,
        resource_name: str,
        cloudformation_json: Any,
        account_id: str,
        region_name: str,
        **kwargs: Any,
    ) -> Any:
        properties = cloudformation_json.get("Properties", {})
        if "Tags" in properties:
            properties["Tags"] = convert(properties["Tags"])
        return original(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs)

    model.create_from_cloudformation_json = classmethod(create)
