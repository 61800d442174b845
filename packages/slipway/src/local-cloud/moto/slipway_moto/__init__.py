"""Slipway's patches to moto: CloudFormation support the kit's templates need from the emulator.

`apply()` runs every module's own `apply()`, in order, and returns one line per change.
"""


def apply() -> list[str]:
    from . import (
        accepted_regions,
        added_resource,
        cloudfront_api,
        cloudfront_config,
        dynamic_references,
        ec2_deletes,
        ecs_fixes,
        elbv2_fixes,
        general_fixes,
        kms_fixes,
        lambda_fixes,
        lazy_resources,
        logs_fixes,
        rds_fixes,
        registry_types,
        security_group_updates,
        service_deletes,
        stack_delays,
        stack_events,
        stack_operations,
        stack_parameters,
    )

    applied: list[str] = []
    modules = (accepted_regions, stack_events, stack_operations, lazy_resources, stack_parameters)
    modules += (dynamic_references,)
    modules += (added_resource, general_fixes, kms_fixes, lambda_fixes, logs_fixes, rds_fixes, elbv2_fixes, ecs_fixes)
    modules += (cloudfront_config, cloudfront_api, registry_types)
    modules += (ec2_deletes, service_deletes, security_group_updates)
    # Last: it wraps the stack operations the modules above installed.
    modules += (stack_delays,)
    for module in modules:
        applied.extend(module.apply())
    return applied
