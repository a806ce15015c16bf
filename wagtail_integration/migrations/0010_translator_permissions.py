"""Grant Wagtail's standard Editors and Moderators groups wagtail-localize's "submit translation".

wagtail-localize's own migration grants it only to groups that existed when it ran, which on a
new site is not always the case (it does not wait for Wagtail's groups).
"""

from django.db import migrations


def grant(apps, schema_editor):
    from wagtail_integration.permissions import grant_default_permissions

    grant_default_permissions(apps, using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [
        ("wagtail_integration", "0009_alerts"),
        ("wagtail_localize", "0006_create_submit_translation_permission"),
        ("wagtailcore", "0002_initial_data"),  # creates the Editors and Moderators groups
    ]

    # Reversing keeps the permissions: an administrator may rely on them by then.
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
