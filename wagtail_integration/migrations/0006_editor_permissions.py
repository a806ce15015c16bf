"""Grant Wagtail's standard Editors and Moderators groups the package's snippet permissions."""

from django.db import migrations


def grant(apps, schema_editor):
    from wagtail_integration.permissions import grant_default_permissions

    grant_default_permissions(apps, using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [
        ("wagtail_integration", "0005_press_embargo_preview_links_four_eyes"),
        ("wagtailcore", "0002_initial_data"),  # creates the Editors and Moderators groups
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    # Reversing keeps the permissions: an administrator may rely on them by then.
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
