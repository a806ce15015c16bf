from wagtail.snippets.models import register_snippet

from .snippets import IntegrationViewSetGroup

register_snippet(IntegrationViewSetGroup)
