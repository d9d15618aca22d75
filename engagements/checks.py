"""Deployment checks of the portal's own settings (`manage.py check --deploy`)."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def api_proxies_declared(app_configs, **kwargs):
    # With 0 the API's throttle counts the connecting address: behind a load balancer every
    # client is the balancer, and one client's burst would use up everyone's allowance. The
    # right number is a fact of the deployment, so it must be said, not guessed.
    if settings.DEBUG or settings.PORTAL_API_NUM_PROXIES_SET:
        return []
    return [
        Warning(
            "API_NUM_PROXIES is not set.",
            hint="Set it to the number of proxies in front of the portal (0 when none), so the "
            "open data API's rate limit counts clients and ignores forged X-Forwarded-For.",
            id="portal.W001",
        )
    ]
