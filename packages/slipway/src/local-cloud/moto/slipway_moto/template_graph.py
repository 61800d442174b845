"""How the resources of a template depend on each other, read from the template alone."""

from typing import Any


def references(value: Any) -> set[str]:
    """Logical ids a template fragment refers to through Ref, GetAtt or Sub."""
    found: set[str] = set()
    if isinstance(value, dict):
        for key, inner in value.items():
            if key == "Ref" and isinstance(inner, str):
                found.add(inner)
            elif key == "Fn::GetAtt":
                target = inner[0] if isinstance(inner, list) else str(inner).split(".")[0]
                found.add(target)
            elif key == "Fn::Sub":
                text = inner[0] if isinstance(inner, list) else inner
                found.update(part.split("}")[0].split(".")[0] for part in str(text).split("${")[1:])
                found |= references(inner[1] if isinstance(inner, list) and len(inner) > 1 else None)
            else:
                found |= references(inner)
    elif isinstance(value, list):
        for item in value:
            found |= references(item)
    return found


def dependency_order(resources: dict[str, Any]) -> list[str]:
    """Logical ids with every resource after the ones it depends on (Ref, GetAtt, Sub, DependsOn)."""
    depends: dict[str, set[str]] = {}
    for logical_id, resource in resources.items():
        declared = resource.get("DependsOn", [])
        declared = [declared] if isinstance(declared, str) else declared
        depends[logical_id] = (references(resource) | set(declared)) & set(resources) - {logical_id}
    ordered: list[str] = []
    visiting: set[str] = set()

    def visit(logical_id: str) -> None:
        if logical_id in ordered or logical_id in visiting:
            return
        visiting.add(logical_id)
        for dependency in sorted(depends[logical_id]):
            visit(dependency)
        visiting.discard(logical_id)
        ordered.append(logical_id)

    for logical_id in resources:
        visit(logical_id)
    return ordered
