"""Personal data of signers is only for users holding "Can manage signatures"."""

from campaign_kit.core.permissions import (
    PermissionRequiredMixin,
    SinglePermissionPolicy,
    permission_required,
    user_has,
)

MANAGE_SIGNATURES = "campaign_kit_appeals.manage_signatures"


def can_manage_signatures(user):
    return user_has(user, MANAGE_SIGNATURES)


manage_signatures_required = permission_required(MANAGE_SIGNATURES)


class ManageSignaturesRequiredMixin(PermissionRequiredMixin):
    required_permission = MANAGE_SIGNATURES


def signatures_policy(model):
    """Signatures are viewed and exported in the generic admin, changed only through services."""
    return SinglePermissionPolicy(model, MANAGE_SIGNATURES)
