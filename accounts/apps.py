from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")
    role_permissions = {
        "agency_admin": [
            "accounts.view_user",
            "accounts.change_user",
            "auth.view_group",
            "account.view_emailaddress",
            "account.change_emailaddress",
        ],
    }

    def ready(self) -> None:
        from . import personal_data, roles

        personal_data.register("account", personal_data.account_data)
        post_migrate.connect(roles.roles_ensure, dispatch_uid="accounts.roles_ensure")
