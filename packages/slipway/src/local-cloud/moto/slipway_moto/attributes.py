"""Adds `Fn::GetAtt` attributes to a moto model without losing the ones it already answers."""

from collections.abc import Callable
from typing import Any

from moto.cloudformation.exceptions import UnformattedGetAttTemplateException


def add_attributes(cls: type, attributes: dict[str, Callable[[Any], Any]]) -> None:
    """Answers `GetAtt` for these attributes; anything else goes to moto's own handler."""
    original = getattr(cls, "get_cfn_attribute", None)

    def get_cfn_attribute(self: Any, attribute_name: str) -> Any:
        if attribute_name in attributes:
            return attributes[attribute_name](self)
        if original is None:
            raise UnformattedGetAttTemplateException()
        return original(self, attribute_name)

    original_has = getattr(cls, "has_cfn_attr", None)

    def has_cfn_attr(c: type, attr: str) -> bool:
        # Some moto models declare `has_cfn_attr` as a property, which cannot be called on the class.
        return attr in attributes or (callable(original_has) and bool(original_has(attr)))

    cls.get_cfn_attribute = get_cfn_attribute
    cls.has_cfn_attr = classmethod(has_cfn_attr)
