"""Default permissions of Wagtail's standard "Editors" and "Moderators" groups on the
package's snippets (and with them the organisation import and export).

Wagtail creates both groups on a new site with page and image permissions but knows nothing of
this package's models, so their members would be refused the whole Integration menu. Data
migrations 0006, 0009 and 0010 grant these once; ``manage.py
wagtail_integration_grant_permissions`` grants them again (for groups created later, or after
an administrator removed some).
Granting only adds: permissions a group has already are kept.
"""

from __future__ import annotations

APP_LABEL = "wagtail_integration"
SNIPPET_MODELS = ["organisation", "person", "event", "funding", "topic", "alert"]

# Editors keep the shared records up to date; deleting a record other pages may use is left
# to moderators (Wagtail's Editors group likewise may not publish pages).
GROUP_ACTIONS = {
    "Editors": ["add", "change", "view"],
    "Moderators": ["add", "change", "delete", "view"],
}
# Permissions of their own: (app label, model, codename, name) per group. Emergency alerts are
# for moderators; editors publish information and warnings only. Both groups translate:
# wagtail-localize's "submit translation" (its migration grants it only to groups that
# existed when it ran).
SUBMIT_TRANSLATION = (
    "wagtail_localize",
    "translation",
    "submit_translation",
    "Can submit translations",
)
GROUP_EXTRA = {
    "Editors": [SUBMIT_TRANSLATION],
    "Moderators": [
        (APP_LABEL, "alert", "publish_emergency_alert", "Can create and publish emergency alerts"),
        SUBMIT_TRANSLATION,
    ],
}


def grant_default_permissions(apps=None, using: str = "default") -> dict[str, int]:
    """Add the permissions of ``GROUP_ACTIONS`` to the groups of those names that exist.

    ``apps`` is a migration's app registry (or ``None`` for the live models); permissions
    that ``post_migrate`` has not created yet are created here with Django's names.
    Returns how many permissions each group gained.
    """
    if apps is None:
        from django.apps import apps as global_apps

        apps = global_apps
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")

    added: dict[str, int] = {}
    for group_name, actions in GROUP_ACTIONS.items():
        group = Group.objects.using(using).filter(name=group_name).first()
        if group is None:
            continue
        wanted = []
        for model_name in SNIPPET_MODELS:
            content_type, _ = ContentType.objects.using(using).get_or_create(
                app_label=APP_LABEL, model=model_name
            )
            for action in actions:
                permission, _ = Permission.objects.using(using).get_or_create(
                    content_type=content_type,
                    codename=f"{action}_{model_name}",
                    defaults={"name": f"Can {action} {model_name}"},
                )
                wanted.append(permission)
        for app_label, model_name, codename, name in GROUP_EXTRA.get(group_name, []):
            content_type, _ = ContentType.objects.using(using).get_or_create(
                app_label=app_label, model=model_name
            )
            permission, _ = Permission.objects.using(using).get_or_create(
                content_type=content_type, codename=codename, defaults={"name": name}
            )
            wanted.append(permission)
        present = set(group.permissions.values_list("pk", flat=True))
        new = [permission for permission in wanted if permission.pk not in present]
        group.permissions.add(*new)
        added[group_name] = len(new)
    return added
