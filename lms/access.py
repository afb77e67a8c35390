"""Who may use each route. Every view states its rule; a route without one is refused.

    @allow(EVERYONE)                 visitors and everyone signed in
    @allow(SIGNED_IN)                any signed-in person
    @allow(Role.COORDINATOR, ...)    only these roles
"""

from flask import abort, current_app, request
from flask_login import current_user

EVERYONE = "everyone"
SIGNED_IN = "signed-in"

# Endpoints that Flask itself adds, with their rules.
BUILT_IN = {"static": frozenset({EVERYONE})}


def allow(*who):
    if not who:
        raise ValueError("allow() needs at least one role, EVERYONE or SIGNED_IN")

    def mark(view):
        view.access_rule = frozenset(str(w) for w in who)
        return view

    return mark


def rule_for(endpoint: str) -> frozenset | None:
    if endpoint in BUILT_IN:
        return BUILT_IN[endpoint]
    view = current_app.view_functions.get(endpoint)
    return getattr(view, "access_rule", None)


def enforce():
    """before_request: deny by default, send visitors to sign in, refuse other roles."""
    if request.endpoint is None:  # no such URL: let the 404 page answer
        return None
    rule = rule_for(request.endpoint)
    if rule is None:
        current_app.logger.error("Route %s states no access rule: refused", request.endpoint)
        abort(403)
    if EVERYONE in rule:
        return None
    if not current_user.is_authenticated:
        return current_app.login_manager.unauthorized()
    if SIGNED_IN in rule or current_user.role in rule:
        return None
    abort(403)
