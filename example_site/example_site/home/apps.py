from django.apps import AppConfig


class HomeConfig(AppConfig):
    # Imported as "example_site.home" by manage.py and as "example_site.example_site.home"
    # from the repository root (the test suite): the name follows the import path.
    name = __name__.rpartition(".")[0]
    label = "home"
    verbose_name = "Example site home page"
    default_auto_field = "django.db.models.AutoField"
