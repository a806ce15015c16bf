"""The package's schema, squashed from the twelve migrations before the first release.

A database that applied all of ``0001_initial`` … ``0012_event_online_url`` counts this one as
applied (``replaces``); a new one gets the tables in one step, then the PostgreSQL search index
and the default permissions of Wagtail's Editors and Moderators groups.
"""

import django.core.validators
import django.db.models.deletion
import modelcluster.fields
import uuid
import wagtail.contrib.routable_page.models
import wagtail.fields
import wagtail.search.index
import wagtail_integration.models.base
import wagtail_integration.models.embargo
import wagtail_integration.review.models
from django.conf import settings
from django.db import migrations, models

SEARCH_INDEX_NAME = "wi_indexentry_title_body_gin"


def add_search_index(apps, schema_editor):
    """PostgreSQL: a GIN index on ``title || body``, the expression Wagtail's database
    search backend matches with ``@@``. Without it every search reads the whole index table
    (40 ms for 20,000 organisations instead of 15)."""
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    if "wagtailsearch_indexentry" not in connection.introspection.table_names():
        return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {SEARCH_INDEX_NAME} "
        "ON wagtailsearch_indexentry USING gin ((title || body))"
    )


def remove_search_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {SEARCH_INDEX_NAME}")


def grant(apps, schema_editor):
    """Wagtail's Editors and Moderators groups get the package's snippet, alert and
    translation permissions (wagtail-localize's own migration grants "submit translation" only
    to groups that existed when it ran)."""
    from wagtail_integration.permissions import grant_default_permissions

    grant_default_permissions(apps, using=schema_editor.connection.alias)


class Migration(migrations.Migration):

    initial = True

    replaces = [
        ('wagtail_integration', '0001_initial'),
        ('wagtail_integration', '0002_directory_page_organisation_sort_key'),
        ('wagtail_integration', '0003_press_room'),
        ('wagtail_integration', '0004_document_credit_and_licence'),
        ('wagtail_integration', '0005_press_embargo_preview_links_four_eyes'),
        ('wagtail_integration', '0006_editor_permissions'),
        ('wagtail_integration', '0007_public_duties'),
        ('wagtail_integration', '0008_protect_publisher_and_profile_organisation'),
        ('wagtail_integration', '0009_alerts'),
        ('wagtail_integration', '0010_translator_permissions'),
        ('wagtail_integration', '0011_review_dates'),
        ('wagtail_integration', '0012_event_online_url'),
    ]

    dependencies = [
        ('auth', '0012_alter_user_first_name_max_length'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('wagtailcore', '0094_alter_page_locale'),
        ('wagtaildocs', '0014_alter_document_file_size'),
        ('wagtailimages', '0027_image_description'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ('wagtailsearch', '0006_customise_indexentry'),  # the search index below
        ('wagtail_localize', '0006_create_submit_translation_permission'),  # grant() below
    ]

    operations = [
        migrations.CreateModel(
            name='AccessibilityStatementPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='wagtailcore.page')),
                ('review_by', wagtail_integration.review.models.ReviewDateField(blank=True, db_index=True, help_text='When this content should next be checked (Prüftermin). Left empty, it is set from the usual interval for this type. Publishing a page, or saving an organisation or person, once this date has come counts as its review and moves the date on.', null=True, verbose_name='review by')),
                ('scope', wagtail.fields.RichTextField(blank=True, help_text='Which website or app the statement covers, e.g. “www.example.de”.', verbose_name='scope')),
                ('conformance_status', models.CharField(choices=[('full', 'fully compliant'), ('partial', 'partially compliant'), ('not', 'not compliant')], max_length=20, verbose_name='conformance status')),
                ('standard', models.CharField(default='BITV 2.0, EN 301 549 / WCAG 2.1 AA', help_text='The requirements the content was checked against.', max_length=255, verbose_name='standard')),
                ('non_accessible_content', wagtail.fields.StreamField([('item', 5)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'help_text': 'e.g. “The PDF forms of the registration office have no tags.”', 'label': 'content that is not accessible', 'max_length': 500}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('non_compliance', 'Not compliant with the requirements (BITV 2.0)'), ('disproportionate_burden', 'Disproportionate burden'), ('out_of_scope', 'Not within the scope of the applicable legislation')], 'label': 'reason'}), 2: ('wagtail.blocks.TextBlock', (), {'help_text': 'Which requirement is not met, or why fixing it would be disproportionate.', 'label': 'explanation', 'required': False}), 3: ('wagtail.blocks.TextBlock', (), {'help_text': 'How people can get this content in another way, e.g. by phone or e-mail.', 'label': 'accessible alternative'}), 4: ('wagtail.blocks.CharBlock', (), {'help_text': 'e.g. “New forms by the end of 2027.”', 'label': 'planned fix', 'max_length': 255, 'required': False}), 5: ('wagtail.blocks.StructBlock', [[('content', 0), ('reason', 1), ('explanation', 2), ('alternative', 3), ('planned_fix', 4)]], {})}, verbose_name='content that is not accessible')),
                ('prepared_on', models.DateField(verbose_name='statement prepared on')),
                ('last_reviewed_on', models.DateField(blank=True, null=True, verbose_name='last reviewed on')),
                ('method', models.CharField(choices=[('self_assessment', 'self-assessment'), ('third_party', 'assessment by a third party')], default='self_assessment', max_length=30, verbose_name='how the statement was prepared')),
                ('method_note', models.CharField(blank=True, help_text='e.g. the name of the testing organisation or the test procedure used.', max_length=255, verbose_name='about the assessment')),
                ('feedback_introduction', wagtail.fields.RichTextField(blank=True, help_text='Shown above the feedback form.', verbose_name='feedback introduction')),
                ('feedback_email', models.EmailField(blank=True, help_text="Shown as a way of contact and receives the form's messages unless the site setting ACCESSIBILITY_FEEDBACK_EMAIL names another address.", max_length=254, verbose_name='feedback e-mail address')),
                ('feedback_phone', models.CharField(blank=True, max_length=40, validators=[django.core.validators.RegexValidator('^\\+?[0-9 ()/\\-]{3,40}$', 'Enter a phone number made of digits, spaces and + ( ) / - only.')], verbose_name='feedback phone')),
                ('enforcement_body', models.CharField(choices=[('federal', 'Federal: Schlichtungsstelle BGG'), ('nw', 'North Rhine-Westphalia: Ombudsstelle für barrierefreie IT'), ('other', 'another body (fill in the fields below)')], help_text='The federal conciliation body for federal bodies; for Länder and municipalities the body of their Land. Choose “another body” and fill in the fields below when yours is not listed; filled fields also replace the stated contact.', max_length=20, verbose_name='conciliation body')),
                ('enforcement_name', models.CharField(blank=True, max_length=255, verbose_name='name of the body')),
                ('enforcement_address', models.TextField(blank=True, verbose_name='postal address')),
                ('enforcement_email', models.EmailField(blank=True, max_length=254, verbose_name='e-mail address')),
                ('enforcement_phone', models.CharField(blank=True, max_length=40, validators=[django.core.validators.RegexValidator('^\\+?[0-9 ()/\\-]{3,40}$', 'Enter a phone number made of digits, spaces and + ( ) / - only.')], verbose_name='phone')),
                ('enforcement_url', models.URLField(blank=True, verbose_name='website')),
            ],
            options={
                'verbose_name': 'accessibility statement',
                'verbose_name_plural': 'accessibility statements',
            },
            bases=(wagtail_integration.models.base.OncePerParentMixin, wagtail_integration.models.base.IntegrationPageMixin, 'wagtailcore.page', models.Model),
        ),
        migrations.CreateModel(
            name='ImpressumPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='wagtailcore.page')),
                ('phone', models.CharField(blank=True, max_length=40, validators=[django.core.validators.RegexValidator('^\\+?[0-9 ()/\\-]{3,40}$', 'Enter a phone number made of digits, spaces and + ( ) / - only.')], verbose_name='phone')),
                ('fax', models.CharField(blank=True, max_length=40, validators=[django.core.validators.RegexValidator('^\\+?[0-9 ()/\\-]{3,40}$', 'Enter a phone number made of digits, spaces and + ( ) / - only.')], verbose_name='fax')),
                ('review_by', wagtail_integration.review.models.ReviewDateField(blank=True, db_index=True, help_text='When this content should next be checked (Prüftermin). Left empty, it is set from the usual interval for this type. Publishing a page, or saving an organisation or person, once this date has come counts as its review and moves the date on.', null=True, verbose_name='review by')),
                ('provider_name', models.CharField(help_text='e.g. “Kreis Steinfurt”; with its legal form if it is not obvious.', max_length=255, verbose_name='name of the body')),
                ('legal_form', models.CharField(blank=True, help_text='e.g. “Körperschaft des öffentlichen Rechts”.', max_length=255, verbose_name='legal form')),
                ('unit', models.CharField(blank=True, max_length=255, verbose_name='unit')),
                ('represented_by', models.CharField(help_text='Who represents the body, e.g. “the Landrat” with the name.', max_length=255, verbose_name='represented by')),
                ('street', models.CharField(max_length=255, verbose_name='street and number')),
                ('postcode', models.CharField(max_length=10, validators=[django.core.validators.RegexValidator('^[0-9A-Za-z \\-]{3,10}$', 'Enter a valid postcode.')], verbose_name='postcode')),
                ('city', models.CharField(max_length=255, verbose_name='city')),
                ('email', models.EmailField(max_length=254, verbose_name='e-mail address')),
                ('contact_form_url', models.URLField(blank=True, verbose_name='contact form')),
                ('supervisory_authority', models.CharField(blank=True, help_text='e.g. the Bezirksregierung as the authority supervising a Kreis.', max_length=255, verbose_name='supervisory authority')),
                ('supervisory_authority_address', models.TextField(blank=True, verbose_name='address of the supervisory authority')),
                ('vat_id', models.CharField(blank=True, help_text='USt-IdNr., where the body has one (§ 27a UStG).', max_length=11, validators=[django.core.validators.RegexValidator('^DE[0-9]{9}$', 'Enter a German VAT identification number: DE and nine digits.')], verbose_name='VAT identification number')),
                ('register_entry', models.CharField(blank=True, help_text='Register and number, e.g. for an association or a company.', max_length=255, verbose_name='register entry')),
                ('editor_name', models.CharField(help_text='The person responsible for editorial content under § 18 (2) MStV.', max_length=255, verbose_name='responsible for the content')),
                ('editor_address', models.CharField(help_text="Street, postcode and city, e.g. the body's address.", max_length=255, verbose_name='address of the person responsible')),
                ('further_information', wagtail.fields.RichTextField(blank=True, help_text='e.g. notes on liability for links or on the images used.', verbose_name='further information')),
            ],
            options={
                'verbose_name': 'legal notice (Impressum)',
                'verbose_name_plural': 'legal notices (Impressum)',
            },
            bases=(wagtail_integration.models.base.OncePerParentMixin, wagtail_integration.models.base.IntegrationPageMixin, 'wagtailcore.page', models.Model),
        ),
        migrations.CreateModel(
            name='PressReleaseIndexPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='wagtailcore.page')),
                ('review_by', wagtail_integration.review.models.ReviewDateField(blank=True, db_index=True, help_text='When this content should next be checked (Prüftermin). Left empty, it is set from the usual interval for this type. Publishing a page, or saving an organisation or person, once this date has come counts as its review and moves the date on.', null=True, verbose_name='review by')),
                ('introduction', wagtail.fields.RichTextField(blank=True, verbose_name='introduction')),
            ],
            options={
                'verbose_name': 'press release index',
                'verbose_name_plural': 'press release indexes',
            },
            bases=(wagtail_integration.models.base.ChildListingMixin, wagtail_integration.models.base.IntegrationPageMixin, wagtail.contrib.routable_page.models.RoutablePageMixin, 'wagtailcore.page', models.Model),
        ),
        migrations.CreateModel(
            name='ProjectIndexPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='wagtailcore.page')),
                ('review_by', wagtail_integration.review.models.ReviewDateField(blank=True, db_index=True, help_text='When this content should next be checked (Prüftermin). Left empty, it is set from the usual interval for this type. Publishing a page, or saving an organisation or person, once this date has come counts as its review and moves the date on.', null=True, verbose_name='review by')),
                ('introduction', wagtail.fields.RichTextField(blank=True, verbose_name='introduction')),
            ],
            options={
                'verbose_name': 'project index',
                'verbose_name_plural': 'project indexes',
            },
            bases=(wagtail_integration.models.base.ChildListingMixin, wagtail_integration.models.base.IntegrationPageMixin, 'wagtailcore.page', models.Model),
        ),
        migrations.CreateModel(
            name='AccessibilityFeedback',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('language', models.CharField(blank=True, max_length=20, verbose_name='language')),
                ('name', models.CharField(blank=True, max_length=200, verbose_name='name')),
                ('email', models.EmailField(blank=True, max_length=254, verbose_name='e-mail address')),
                ('content_url', models.URLField(blank=True, max_length=500, verbose_name='page concerned')),
                ('message', models.TextField(verbose_name='message')),
                ('submitted_at', models.DateTimeField(auto_now_add=True, db_index=True, verbose_name='submitted')),
                ('mailed', models.BooleanField(default=False, verbose_name='mailed')),
                ('page', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.page', verbose_name='statement')),
            ],
            options={
                'verbose_name': 'accessibility feedback',
                'verbose_name_plural': 'accessibility feedback',
                'ordering': ['-submitted_at', '-pk'],
            },
        ),
        migrations.CreateModel(
            name='EasyReadPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='wagtailcore.page')),
                ('review_by', wagtail_integration.review.models.ReviewDateField(blank=True, db_index=True, help_text='When this content should next be checked (Prüftermin). Left empty, it is set from the usual interval for this type. Publishing a page, or saving an organisation or person, once this date has come counts as its review and moves the date on.', null=True, verbose_name='review by')),
                ('easy_read_text', wagtail.fields.RichTextField(help_text="What the site offers, how to find one's way around it, and where the accessibility statement and the feedback form are: in short sentences.", verbose_name='text in Leichte Sprache')),
                ('sign_language_transcript', wagtail.fields.RichTextField(blank=True, verbose_name='transcript of the video')),
                ('sign_language_captions', models.ForeignKey(blank=True, help_text='A .vtt file with the captions of the video.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtaildocs.document', verbose_name='captions (WebVTT)')),
                ('sign_language_video', models.ForeignKey(blank=True, help_text='An MP4 or WebM file, served from this site (no third-party player).', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtaildocs.document', verbose_name='video in German Sign Language')),
            ],
            options={
                'verbose_name': 'Leichte Sprache and sign language',
                'verbose_name_plural': 'Leichte Sprache and sign language pages',
            },
            bases=(wagtail_integration.models.base.OncePerParentMixin, wagtail_integration.models.base.IntegrationPageMixin, 'wagtailcore.page', models.Model),
        ),
        migrations.CreateModel(
            name='FourEyesApprovalTask',
            fields=[
                ('task_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='wagtailcore.task')),
                ('groups', models.ManyToManyField(help_text='Pages/snippets at this step in a workflow will be moderated or approved by these groups of users', to='auth.group', verbose_name='groups')),
            ],
            options={
                'verbose_name': 'four-eyes approval task',
                'verbose_name_plural': 'four-eyes approval tasks',
            },
            bases=('wagtailcore.task',),
        ),
        migrations.CreateModel(
            name='Organisation',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                ('street', models.CharField(blank=True, max_length=255, verbose_name='street and number')),
                ('postcode', models.CharField(blank=True, max_length=10, validators=[django.core.validators.RegexValidator('^[0-9A-Za-z \\-]{3,10}$', 'Enter a valid postcode.')], verbose_name='postcode')),
                ('city', models.CharField(blank=True, max_length=255, verbose_name='city')),
                ('phone', models.CharField(blank=True, max_length=40, validators=[django.core.validators.RegexValidator('^\\+?[0-9 ()/\\-]{3,40}$', 'Enter a phone number made of digits, spaces and + ( ) / - only.')], verbose_name='phone')),
                ('fax', models.CharField(blank=True, max_length=40, validators=[django.core.validators.RegexValidator('^\\+?[0-9 ()/\\-]{3,40}$', 'Enter a phone number made of digits, spaces and + ( ) / - only.')], verbose_name='fax')),
                ('email', models.EmailField(blank=True, max_length=254, verbose_name='e-mail')),
                ('review_by', wagtail_integration.review.models.ReviewDateField(blank=True, db_index=True, help_text='When this content should next be checked (Prüftermin). Left empty, it is set from the usual interval for this type. Publishing a page, or saving an organisation or person, once this date has come counts as its review and moves the date on.', null=True, verbose_name='review by')),
                ('name', models.CharField(max_length=255, verbose_name='name')),
                ('short_name', models.CharField(blank=True, max_length=80, verbose_name='short name')),
                ('unit', models.CharField(blank=True, help_text='Department or office within the organisation, e.g. the press office.', max_length=255, verbose_name='unit')),
                ('kind', models.CharField(choices=[('public_body', 'Public body'), ('welfare_provider', 'Independent welfare provider'), ('migrant_organisation', 'Migrant organisation'), ('association', 'Association'), ('education', 'Education or research institution'), ('company', 'Company'), ('media', 'Media'), ('network', 'Network or cooperation'), ('other', 'Other')], default='other', max_length=32, verbose_name='kind')),
                ('municipality', models.CharField(blank=True, help_text='Town, city or district the organisation belongs to.', max_length=120, verbose_name='municipality')),
                ('website', models.URLField(blank=True, verbose_name='website')),
                ('description', wagtail.fields.RichTextField(blank=True, verbose_name='description')),
                ('sort_key', models.CharField(blank=True, editable=False, help_text='The name in German alphabetical order; computed on save.', max_length=255, verbose_name='sort key')),
                ('sort_initial', models.CharField(blank=True, editable=False, help_text='Letter of the A–Z list (a–z, or # for anything else); computed on save.', max_length=1, verbose_name='initial')),
                ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
                ('logo', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='logo')),
            ],
            options={
                'verbose_name': 'organisation',
                'verbose_name_plural': 'organisations',
                'ordering': ['name'],
                'abstract': False,
            },
            bases=(wagtail.search.index.Indexed, models.Model),
        ),
        migrations.CreateModel(
            name='Person',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                ('street', models.CharField(blank=True, max_length=255, verbose_name='street and number')),
                ('postcode', models.CharField(blank=True, max_length=10, validators=[django.core.validators.RegexValidator('^[0-9A-Za-z \\-]{3,10}$', 'Enter a valid postcode.')], verbose_name='postcode')),
                ('city', models.CharField(blank=True, max_length=255, verbose_name='city')),
                ('phone', models.CharField(blank=True, max_length=40, validators=[django.core.validators.RegexValidator('^\\+?[0-9 ()/\\-]{3,40}$', 'Enter a phone number made of digits, spaces and + ( ) / - only.')], verbose_name='phone')),
                ('fax', models.CharField(blank=True, max_length=40, validators=[django.core.validators.RegexValidator('^\\+?[0-9 ()/\\-]{3,40}$', 'Enter a phone number made of digits, spaces and + ( ) / - only.')], verbose_name='fax')),
                ('email', models.EmailField(blank=True, max_length=254, verbose_name='e-mail')),
                ('review_by', wagtail_integration.review.models.ReviewDateField(blank=True, db_index=True, help_text='When this content should next be checked (Prüftermin). Left empty, it is set from the usual interval for this type. Publishing a page, or saving an organisation or person, once this date has come counts as its review and moves the date on.', null=True, verbose_name='review by')),
                ('academic_title', models.CharField(blank=True, help_text='For example “Dr.”', max_length=40, verbose_name='academic title')),
                ('first_name', models.CharField(blank=True, max_length=120, verbose_name='first name')),
                ('last_name', models.CharField(max_length=120, verbose_name='last name')),
                ('position', models.CharField(blank=True, help_text='For example “Head of the press office”', max_length=255, verbose_name='position')),
                ('building', models.CharField(blank=True, max_length=80, verbose_name='building')),
                ('room', models.CharField(blank=True, max_length=40, verbose_name='room')),
                ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
                ('organisation', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='people', to='wagtail_integration.organisation', verbose_name='organisation')),
                ('photo', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='photo')),
            ],
            options={
                'verbose_name': 'person',
                'verbose_name_plural': 'people',
                'ordering': ['last_name', 'first_name'],
                'abstract': False,
                'unique_together': {('translation_key', 'locale')},
            },
            bases=(wagtail.search.index.Indexed, models.Model),
        ),
        migrations.CreateModel(
            name='PartnerListingPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='wagtailcore.page')),
                ('review_by', wagtail_integration.review.models.ReviewDateField(blank=True, db_index=True, help_text='When this content should next be checked (Prüftermin). Left empty, it is set from the usual interval for this type. Publishing a page, or saving an organisation or person, once this date has come counts as its review and moves the date on.', null=True, verbose_name='review by')),
                ('introduction', wagtail.fields.RichTextField(blank=True, verbose_name='introduction')),
                ('founded_year', models.PositiveSmallIntegerField(blank=True, null=True, validators=[django.core.validators.MinValueValidator(1800), django.core.validators.MaxValueValidator(2200)], verbose_name='launched in')),
                ('aims', wagtail.fields.RichTextField(blank=True, verbose_name='aims')),
                ('measures', wagtail.fields.StreamField([('item', 0)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'entry', 'max_length': 500})}, verbose_name='measures partners commit to')),
                ('network_work', wagtail.fields.RichTextField(blank=True, verbose_name='working together')),
                ('events', wagtail.fields.StreamField([('event', 0)], blank=True, block_lookup={0: ('wagtail_integration.blocks.EventChooserBlock', (), {'label': 'event'})}, verbose_name='events')),
                ('body', wagtail.fields.StreamField([('heading', 0), ('paragraph', 1), ('list', 5), ('image', 11), ('contact', 13), ('team', 17), ('funding', 20), ('downloads', 27)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'icon': 'title', 'label': 'section heading', 'max_length': 255, 'template': 'wagtail_integration/blocks/heading.html'}), 1: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'document-link', 'ol', 'ul', 'h3', 'h4'], 'label': 'text'}), 2: ('wagtail.blocks.CharBlock', (), {'label': 'heading', 'max_length': 255, 'required': False}), 3: ('wagtail.blocks.CharBlock', (), {'max_length': 500}), 4: ('wagtail.blocks.ListBlock', (3,), {'label': 'entries'}), 5: ('wagtail.blocks.StructBlock', [[('heading', 2), ('items', 4)]], {}), 6: ('wagtail_integration.blocks.RenditionImageChooserBlock', (), {'label': 'image'}), 7: ('wagtail.blocks.CharBlock', (), {'help_text': "Describe the image for people who cannot see it. Empty: the image's own description.", 'label': 'alternative text', 'max_length': 255, 'required': False}), 8: ('wagtail.blocks.CharBlock', (), {'label': 'caption', 'max_length': 500, 'required': False}), 9: ('wagtail.blocks.CharBlock', (), {'help_text': 'Photographer or source.', 'label': 'credit', 'max_length': 255, 'required': False}), 10: ('wagtail.blocks.CharBlock', (), {'label': 'licence', 'max_length': 255, 'required': False}), 11: ('wagtail.blocks.StructBlock', [[('image', 6), ('alt_text', 7), ('caption', 8), ('credit', 9), ('licence', 10)]], {}), 12: ('wagtail_integration.blocks.PersonChooserBlock', (), {'label': 'person'}), 13: ('wagtail.blocks.StructBlock', [[('heading', 2), ('person', 12)]], {}), 14: ('wagtail.blocks.CharBlock', (), {'help_text': 'For example “Speaker” or “Head of the municipal integration centre”.', 'label': 'role in this team', 'max_length': 255, 'required': False}), 15: ('wagtail.blocks.StructBlock', [[('person', 12), ('role', 14)]], {}), 16: ('wagtail.blocks.ListBlock', (15,), {'label': 'members'}), 17: ('wagtail.blocks.StructBlock', [[('heading', 2), ('members', 16)]], {}), 18: ('wagtail_integration.blocks.FundingChooserBlock', (), {}), 19: ('wagtail.blocks.ListBlock', (18,), {'label': 'funding'}), 20: ('wagtail.blocks.StructBlock', [[('heading', 2), ('items', 19)]], {}), 21: ('wagtail.documents.blocks.DocumentChooserBlock', (), {'label': 'document'}), 22: ('wagtail.blocks.CharBlock', (), {'help_text': "Empty: the document's title.", 'label': 'title', 'max_length': 255, 'required': False}), 23: ('wagtail.blocks.CharBlock', (), {'label': 'description', 'max_length': 500, 'required': False}), 24: ('wagtail.blocks.CharBlock', (), {'help_text': 'Author or source.', 'label': 'credit', 'max_length': 255, 'required': False}), 25: ('wagtail.blocks.StructBlock', [[('document', 21), ('title', 22), ('description', 23), ('credit', 24), ('licence', 10)]], {}), 26: ('wagtail.blocks.ListBlock', (25,), {'label': 'documents'}), 27: ('wagtail.blocks.StructBlock', [[('heading', 2), ('documents', 26)]], {})}, verbose_name='further content')),
                ('contact_organisation', models.ForeignKey(blank=True, help_text='An office or shared mailbox to contact, in addition to or instead of a person.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtail_integration.organisation', verbose_name='contact office')),
                ('contact_person', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtail_integration.person', verbose_name='contact person')),
                ('patron', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtail_integration.person', verbose_name='patron')),
            ],
            options={
                'verbose_name': 'partner listing page',
                'verbose_name_plural': 'partner listing pages',
            },
            bases=(wagtail_integration.models.base.IntegrationPageMixin, 'wagtailcore.page', models.Model),
        ),
        migrations.CreateModel(
            name='OrganisationProfilePage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='wagtailcore.page')),
                ('review_by', wagtail_integration.review.models.ReviewDateField(blank=True, db_index=True, help_text='When this content should next be checked (Prüftermin). Left empty, it is set from the usual interval for this type. Publishing a page, or saving an organisation or person, once this date has come counts as its review and moves the date on.', null=True, verbose_name='review by')),
                ('tagline', models.CharField(blank=True, max_length=255, verbose_name='tagline')),
                ('introduction', wagtail.fields.RichTextField(blank=True, verbose_name='introduction')),
                ('tasks', wagtail.fields.StreamField([('item', 0)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'entry', 'max_length': 500})}, verbose_name='tasks')),
                ('focus_districts', wagtail.fields.StreamField([('item', 0)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'entry', 'max_length': 500})}, help_text='Districts or neighbourhoods the work concentrates on.', verbose_name='focus districts')),
                ('approach', wagtail.fields.RichTextField(blank=True, verbose_name='how we work')),
                ('office_hours', wagtail.fields.StreamField([('hours', 3)], blank=True, block_lookup={0: ('wagtail.blocks.MultipleChoiceBlock', [], {'choices': [('Monday', 'Monday'), ('Tuesday', 'Tuesday'), ('Wednesday', 'Wednesday'), ('Thursday', 'Thursday'), ('Friday', 'Friday'), ('Saturday', 'Saturday'), ('Sunday', 'Sunday')], 'label': 'days'}), 1: ('wagtail.blocks.TimeBlock', (), {'label': 'opens'}), 2: ('wagtail.blocks.TimeBlock', (), {'label': 'closes'}), 3: ('wagtail.blocks.StructBlock', [[('days', 0), ('opens', 1), ('closes', 2)]], {})}, verbose_name='office hours')),
                ('office_hours_note', models.CharField(blank=True, help_text='For example “by appointment only”.', max_length=255, verbose_name='note on office hours')),
                ('by_appointment', models.BooleanField(default=False, verbose_name='by appointment only')),
                ('free_and_confidential', models.BooleanField(default=False, help_text='Shows the promise that counselling is free of charge and confidential.', verbose_name='counselling is free and confidential')),
                ('funding', wagtail.fields.StreamField([('funding', 0)], blank=True, block_lookup={0: ('wagtail_integration.blocks.FundingChooserBlock', (), {'label': 'funding'})}, verbose_name='funding')),
                ('funding_note', wagtail.fields.RichTextField(blank=True, verbose_name='funding note')),
                ('body', wagtail.fields.StreamField([('heading', 0), ('paragraph', 1), ('list', 5), ('image', 11), ('contact', 13), ('team', 17), ('funding', 20), ('downloads', 27)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'icon': 'title', 'label': 'section heading', 'max_length': 255, 'template': 'wagtail_integration/blocks/heading.html'}), 1: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'document-link', 'ol', 'ul', 'h3', 'h4'], 'label': 'text'}), 2: ('wagtail.blocks.CharBlock', (), {'label': 'heading', 'max_length': 255, 'required': False}), 3: ('wagtail.blocks.CharBlock', (), {'max_length': 500}), 4: ('wagtail.blocks.ListBlock', (3,), {'label': 'entries'}), 5: ('wagtail.blocks.StructBlock', [[('heading', 2), ('items', 4)]], {}), 6: ('wagtail_integration.blocks.RenditionImageChooserBlock', (), {'label': 'image'}), 7: ('wagtail.blocks.CharBlock', (), {'help_text': "Describe the image for people who cannot see it. Empty: the image's own description.", 'label': 'alternative text', 'max_length': 255, 'required': False}), 8: ('wagtail.blocks.CharBlock', (), {'label': 'caption', 'max_length': 500, 'required': False}), 9: ('wagtail.blocks.CharBlock', (), {'help_text': 'Photographer or source.', 'label': 'credit', 'max_length': 255, 'required': False}), 10: ('wagtail.blocks.CharBlock', (), {'label': 'licence', 'max_length': 255, 'required': False}), 11: ('wagtail.blocks.StructBlock', [[('image', 6), ('alt_text', 7), ('caption', 8), ('credit', 9), ('licence', 10)]], {}), 12: ('wagtail_integration.blocks.PersonChooserBlock', (), {'label': 'person'}), 13: ('wagtail.blocks.StructBlock', [[('heading', 2), ('person', 12)]], {}), 14: ('wagtail.blocks.CharBlock', (), {'help_text': 'For example “Speaker” or “Head of the municipal integration centre”.', 'label': 'role in this team', 'max_length': 255, 'required': False}), 15: ('wagtail.blocks.StructBlock', [[('person', 12), ('role', 14)]], {}), 16: ('wagtail.blocks.ListBlock', (15,), {'label': 'members'}), 17: ('wagtail.blocks.StructBlock', [[('heading', 2), ('members', 16)]], {}), 18: ('wagtail_integration.blocks.FundingChooserBlock', (), {}), 19: ('wagtail.blocks.ListBlock', (18,), {'label': 'funding'}), 20: ('wagtail.blocks.StructBlock', [[('heading', 2), ('items', 19)]], {}), 21: ('wagtail.documents.blocks.DocumentChooserBlock', (), {'label': 'document'}), 22: ('wagtail.blocks.CharBlock', (), {'help_text': "Empty: the document's title.", 'label': 'title', 'max_length': 255, 'required': False}), 23: ('wagtail.blocks.CharBlock', (), {'label': 'description', 'max_length': 500, 'required': False}), 24: ('wagtail.blocks.CharBlock', (), {'help_text': 'Author or source.', 'label': 'credit', 'max_length': 255, 'required': False}), 25: ('wagtail.blocks.StructBlock', [[('document', 21), ('title', 22), ('description', 23), ('credit', 24), ('licence', 10)]], {}), 26: ('wagtail.blocks.ListBlock', (25,), {'label': 'documents'}), 27: ('wagtail.blocks.StructBlock', [[('heading', 2), ('documents', 26)]], {})}, verbose_name='further content')),
                ('contact_organisation', models.ForeignKey(blank=True, help_text='An office or shared mailbox to contact, in addition to or instead of a person.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtail_integration.organisation', verbose_name='contact office')),
                ('operator', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtail_integration.organisation', verbose_name='operated by')),
                ('organisation', models.ForeignKey(blank=True, help_text='The organisation this page presents (address, phone, e-mail come from it).', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtail_integration.organisation', verbose_name='organisation')),
                ('contact_person', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtail_integration.person', verbose_name='contact person')),
            ],
            options={
                'verbose_name': 'organisation profile page',
                'verbose_name_plural': 'organisation profile pages',
            },
            bases=(wagtail_integration.models.base.IntegrationPageMixin, 'wagtailcore.page', models.Model),
        ),
        migrations.CreateModel(
            name='NetworkPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='wagtailcore.page')),
                ('review_by', wagtail_integration.review.models.ReviewDateField(blank=True, db_index=True, help_text='When this content should next be checked (Prüftermin). Left empty, it is set from the usual interval for this type. Publishing a page, or saving an organisation or person, once this date has come counts as its review and moves the date on.', null=True, verbose_name='review by')),
                ('introduction', wagtail.fields.RichTextField(blank=True, verbose_name='introduction')),
                ('region', models.CharField(blank=True, help_text='Where the network is active.', max_length=255, verbose_name='region')),
                ('founded_year', models.PositiveSmallIntegerField(blank=True, null=True, validators=[django.core.validators.MinValueValidator(1800), django.core.validators.MaxValueValidator(2200)], verbose_name='founded in')),
                ('declared_member_count', models.PositiveIntegerField(blank=True, help_text='As the network states it; may be more than the members listed below.', null=True, verbose_name='number of member organisations')),
                ('goals', wagtail.fields.StreamField([('item', 0)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'entry', 'max_length': 500})}, verbose_name='goals')),
                ('way_of_working', wagtail.fields.RichTextField(blank=True, verbose_name='way of working')),
                ('meetings_per_year', models.PositiveSmallIntegerField(blank=True, null=True, validators=[django.core.validators.MaxValueValidator(366)], verbose_name='meetings per year')),
                ('meeting_rhythm', models.CharField(blank=True, help_text='In words, e.g. “three plenary meetings a year”.', max_length=255, verbose_name='meeting rhythm')),
                ('speakers', wagtail.fields.StreamField([('member', 2)], blank=True, block_lookup={0: ('wagtail_integration.blocks.PersonChooserBlock', (), {'label': 'person'}), 1: ('wagtail.blocks.CharBlock', (), {'help_text': 'For example “Speaker” or “Head of the municipal integration centre”.', 'label': 'role in this team', 'max_length': 255, 'required': False}), 2: ('wagtail.blocks.StructBlock', [[('person', 0), ('role', 1)]], {})}, verbose_name='speaker team')),
                ('more_info_url', models.URLField(blank=True, verbose_name='more information (link)')),
                ('body', wagtail.fields.StreamField([('heading', 0), ('paragraph', 1), ('list', 5), ('image', 11), ('contact', 13), ('team', 17), ('funding', 20), ('downloads', 27)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'icon': 'title', 'label': 'section heading', 'max_length': 255, 'template': 'wagtail_integration/blocks/heading.html'}), 1: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'document-link', 'ol', 'ul', 'h3', 'h4'], 'label': 'text'}), 2: ('wagtail.blocks.CharBlock', (), {'label': 'heading', 'max_length': 255, 'required': False}), 3: ('wagtail.blocks.CharBlock', (), {'max_length': 500}), 4: ('wagtail.blocks.ListBlock', (3,), {'label': 'entries'}), 5: ('wagtail.blocks.StructBlock', [[('heading', 2), ('items', 4)]], {}), 6: ('wagtail_integration.blocks.RenditionImageChooserBlock', (), {'label': 'image'}), 7: ('wagtail.blocks.CharBlock', (), {'help_text': "Describe the image for people who cannot see it. Empty: the image's own description.", 'label': 'alternative text', 'max_length': 255, 'required': False}), 8: ('wagtail.blocks.CharBlock', (), {'label': 'caption', 'max_length': 500, 'required': False}), 9: ('wagtail.blocks.CharBlock', (), {'help_text': 'Photographer or source.', 'label': 'credit', 'max_length': 255, 'required': False}), 10: ('wagtail.blocks.CharBlock', (), {'label': 'licence', 'max_length': 255, 'required': False}), 11: ('wagtail.blocks.StructBlock', [[('image', 6), ('alt_text', 7), ('caption', 8), ('credit', 9), ('licence', 10)]], {}), 12: ('wagtail_integration.blocks.PersonChooserBlock', (), {'label': 'person'}), 13: ('wagtail.blocks.StructBlock', [[('heading', 2), ('person', 12)]], {}), 14: ('wagtail.blocks.CharBlock', (), {'help_text': 'For example “Speaker” or “Head of the municipal integration centre”.', 'label': 'role in this team', 'max_length': 255, 'required': False}), 15: ('wagtail.blocks.StructBlock', [[('person', 12), ('role', 14)]], {}), 16: ('wagtail.blocks.ListBlock', (15,), {'label': 'members'}), 17: ('wagtail.blocks.StructBlock', [[('heading', 2), ('members', 16)]], {}), 18: ('wagtail_integration.blocks.FundingChooserBlock', (), {}), 19: ('wagtail.blocks.ListBlock', (18,), {'label': 'funding'}), 20: ('wagtail.blocks.StructBlock', [[('heading', 2), ('items', 19)]], {}), 21: ('wagtail.documents.blocks.DocumentChooserBlock', (), {'label': 'document'}), 22: ('wagtail.blocks.CharBlock', (), {'help_text': "Empty: the document's title.", 'label': 'title', 'max_length': 255, 'required': False}), 23: ('wagtail.blocks.CharBlock', (), {'label': 'description', 'max_length': 500, 'required': False}), 24: ('wagtail.blocks.CharBlock', (), {'help_text': 'Author or source.', 'label': 'credit', 'max_length': 255, 'required': False}), 25: ('wagtail.blocks.StructBlock', [[('document', 21), ('title', 22), ('description', 23), ('credit', 24), ('licence', 10)]], {}), 26: ('wagtail.blocks.ListBlock', (25,), {'label': 'documents'}), 27: ('wagtail.blocks.StructBlock', [[('heading', 2), ('documents', 26)]], {})}, verbose_name='further content')),
                ('contact_organisation', models.ForeignKey(blank=True, help_text='An office or shared mailbox to contact, in addition to or instead of a person.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtail_integration.organisation', verbose_name='contact office')),
                ('contact_person', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtail_integration.person', verbose_name='contact person')),
            ],
            options={
                'verbose_name': 'network page',
                'verbose_name_plural': 'network pages',
            },
            bases=(wagtail_integration.models.base.IntegrationPageMixin, 'wagtailcore.page', models.Model),
        ),
        migrations.CreateModel(
            name='PhotoArchivePage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='wagtailcore.page')),
                ('review_by', wagtail_integration.review.models.ReviewDateField(blank=True, db_index=True, help_text='When this content should next be checked (Prüftermin). Left empty, it is set from the usual interval for this type. Publishing a page, or saving an organisation or person, once this date has come counts as its review and moves the date on.', null=True, verbose_name='review by')),
                ('introduction', wagtail.fields.RichTextField(blank=True, verbose_name='introduction')),
                ('press_index', models.ForeignKey(blank=True, help_text="Only the images of this index's press releases. Empty: the whole site.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.page', verbose_name='press release index')),
            ],
            options={
                'verbose_name': 'photo archive',
                'verbose_name_plural': 'photo archives',
            },
            bases=(wagtail_integration.models.base.IntegrationPageMixin, 'wagtailcore.page', models.Model),
        ),
        migrations.CreateModel(
            name='PressPreviewLink',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('recipient', models.CharField(help_text='Who gets the link, e.g. an editorial office; shown in the access log.', max_length=200, verbose_name='recipient')),
                ('token_hash', models.CharField(editable=False, max_length=64, unique=True)),
                ('expires_at', models.DateTimeField(default=wagtail_integration.models.embargo.default_expiry, verbose_name='expires at')),
                ('revoked', models.BooleanField(default=False, help_text='A revoked link opens nothing any more.', verbose_name='revoked')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                ('created_by', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='created by')),
                ('page', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='wagtailcore.page', verbose_name='press release')),
            ],
            options={
                'verbose_name': 'press preview link',
                'verbose_name_plural': 'press preview links',
                'ordering': ['-created_at', '-pk'],
            },
        ),
        migrations.CreateModel(
            name='PressPreviewAccess',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('accessed_at', models.DateTimeField(auto_now_add=True, verbose_name='accessed at')),
                ('ip_network', models.CharField(blank=True, max_length=50, verbose_name='network')),
                ('user_agent', models.CharField(blank=True, max_length=200, verbose_name='user agent')),
                ('outcome', models.CharField(max_length=20, verbose_name='outcome')),
                ('link', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='accesses', to='wagtail_integration.presspreviewlink', verbose_name='preview link')),
            ],
            options={
                'verbose_name': 'press preview access',
                'verbose_name_plural': 'press preview accesses',
                'ordering': ['-accessed_at', '-pk'],
            },
        ),
        migrations.CreateModel(
            name='ProjectPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='wagtailcore.page')),
                ('review_by', wagtail_integration.review.models.ReviewDateField(blank=True, db_index=True, help_text='When this content should next be checked (Prüftermin). Left empty, it is set from the usual interval for this type. Publishing a page, or saving an organisation or person, once this date has come counts as its review and moves the date on.', null=True, verbose_name='review by')),
                ('introduction', wagtail.fields.RichTextField(blank=True, verbose_name='introduction')),
                ('region', models.CharField(blank=True, help_text='e.g. a LEADER region', max_length=255, verbose_name='region')),
                ('municipalities', wagtail.fields.StreamField([('item', 0)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'entry', 'max_length': 500})}, verbose_name='municipalities of the region')),
                ('region_description', wagtail.fields.RichTextField(blank=True, verbose_name='about the region')),
                ('start_date', models.DateField(blank=True, null=True, verbose_name='start')),
                ('end_date', models.DateField(blank=True, null=True, verbose_name='end')),
                ('goals', wagtail.fields.StreamField([('item', 0)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'entry', 'max_length': 500})}, verbose_name='goals')),
                ('measures', wagtail.fields.StreamField([('item', 0)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'entry', 'max_length': 500})}, verbose_name='measures')),
                ('target_groups', wagtail.fields.StreamField([('item', 0)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'entry', 'max_length': 500})}, verbose_name='target groups')),
                ('funding', wagtail.fields.StreamField([('funding', 0)], blank=True, block_lookup={0: ('wagtail_integration.blocks.FundingChooserBlock', (), {'label': 'funding'})}, verbose_name='funding')),
                ('funding_note', wagtail.fields.RichTextField(blank=True, help_text='What the funding programme is, in the words the funder requires.', verbose_name='funding note')),
                ('partners', wagtail.fields.StreamField([('organisation', 0)], blank=True, block_lookup={0: ('wagtail_integration.blocks.OrganisationChooserBlock', (), {'label': 'organisation'})}, verbose_name='partners')),
                ('events', wagtail.fields.StreamField([('event', 0)], blank=True, block_lookup={0: ('wagtail_integration.blocks.EventChooserBlock', (), {'label': 'event'})}, verbose_name='events')),
                ('body', wagtail.fields.StreamField([('heading', 0), ('paragraph', 1), ('list', 5), ('image', 11), ('contact', 13), ('team', 17), ('funding', 20), ('downloads', 27)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'icon': 'title', 'label': 'section heading', 'max_length': 255, 'template': 'wagtail_integration/blocks/heading.html'}), 1: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'document-link', 'ol', 'ul', 'h3', 'h4'], 'label': 'text'}), 2: ('wagtail.blocks.CharBlock', (), {'label': 'heading', 'max_length': 255, 'required': False}), 3: ('wagtail.blocks.CharBlock', (), {'max_length': 500}), 4: ('wagtail.blocks.ListBlock', (3,), {'label': 'entries'}), 5: ('wagtail.blocks.StructBlock', [[('heading', 2), ('items', 4)]], {}), 6: ('wagtail_integration.blocks.RenditionImageChooserBlock', (), {'label': 'image'}), 7: ('wagtail.blocks.CharBlock', (), {'help_text': "Describe the image for people who cannot see it. Empty: the image's own description.", 'label': 'alternative text', 'max_length': 255, 'required': False}), 8: ('wagtail.blocks.CharBlock', (), {'label': 'caption', 'max_length': 500, 'required': False}), 9: ('wagtail.blocks.CharBlock', (), {'help_text': 'Photographer or source.', 'label': 'credit', 'max_length': 255, 'required': False}), 10: ('wagtail.blocks.CharBlock', (), {'label': 'licence', 'max_length': 255, 'required': False}), 11: ('wagtail.blocks.StructBlock', [[('image', 6), ('alt_text', 7), ('caption', 8), ('credit', 9), ('licence', 10)]], {}), 12: ('wagtail_integration.blocks.PersonChooserBlock', (), {'label': 'person'}), 13: ('wagtail.blocks.StructBlock', [[('heading', 2), ('person', 12)]], {}), 14: ('wagtail.blocks.CharBlock', (), {'help_text': 'For example “Speaker” or “Head of the municipal integration centre”.', 'label': 'role in this team', 'max_length': 255, 'required': False}), 15: ('wagtail.blocks.StructBlock', [[('person', 12), ('role', 14)]], {}), 16: ('wagtail.blocks.ListBlock', (15,), {'label': 'members'}), 17: ('wagtail.blocks.StructBlock', [[('heading', 2), ('members', 16)]], {}), 18: ('wagtail_integration.blocks.FundingChooserBlock', (), {}), 19: ('wagtail.blocks.ListBlock', (18,), {'label': 'funding'}), 20: ('wagtail.blocks.StructBlock', [[('heading', 2), ('items', 19)]], {}), 21: ('wagtail.documents.blocks.DocumentChooserBlock', (), {'label': 'document'}), 22: ('wagtail.blocks.CharBlock', (), {'help_text': "Empty: the document's title.", 'label': 'title', 'max_length': 255, 'required': False}), 23: ('wagtail.blocks.CharBlock', (), {'label': 'description', 'max_length': 500, 'required': False}), 24: ('wagtail.blocks.CharBlock', (), {'help_text': 'Author or source.', 'label': 'credit', 'max_length': 255, 'required': False}), 25: ('wagtail.blocks.StructBlock', [[('document', 21), ('title', 22), ('description', 23), ('credit', 24), ('licence', 10)]], {}), 26: ('wagtail.blocks.ListBlock', (25,), {'label': 'documents'}), 27: ('wagtail.blocks.StructBlock', [[('heading', 2), ('documents', 26)]], {})}, verbose_name='further content')),
                ('contact_organisation', models.ForeignKey(blank=True, help_text='An office or shared mailbox to contact, in addition to or instead of a person.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtail_integration.organisation', verbose_name='contact office')),
                ('contact_person', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtail_integration.person', verbose_name='contact person')),
                ('press_contact', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtail_integration.person', verbose_name='press contact')),
            ],
            options={
                'verbose_name': 'project page',
                'verbose_name_plural': 'project pages',
            },
            bases=(wagtail_integration.models.base.IntegrationPageMixin, 'wagtailcore.page', models.Model),
        ),
        migrations.CreateModel(
            name='SpeakerTeamPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='wagtailcore.page')),
                ('review_by', wagtail_integration.review.models.ReviewDateField(blank=True, db_index=True, help_text='When this content should next be checked (Prüftermin). Left empty, it is set from the usual interval for this type. Publishing a page, or saving an organisation or person, once this date has come counts as its review and moves the date on.', null=True, verbose_name='review by')),
                ('introduction', wagtail.fields.RichTextField(blank=True, verbose_name='introduction')),
                ('members', wagtail.fields.StreamField([('member', 2)], blank=True, block_lookup={0: ('wagtail_integration.blocks.PersonChooserBlock', (), {'label': 'person'}), 1: ('wagtail.blocks.CharBlock', (), {'help_text': 'For example “Speaker” or “Head of the municipal integration centre”.', 'label': 'role in this team', 'max_length': 255, 'required': False}), 2: ('wagtail.blocks.StructBlock', [[('person', 0), ('role', 1)]], {})}, verbose_name='members')),
                ('body', wagtail.fields.StreamField([('heading', 0), ('paragraph', 1), ('list', 5), ('image', 11), ('contact', 13), ('team', 17), ('funding', 20), ('downloads', 27)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'icon': 'title', 'label': 'section heading', 'max_length': 255, 'template': 'wagtail_integration/blocks/heading.html'}), 1: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'document-link', 'ol', 'ul', 'h3', 'h4'], 'label': 'text'}), 2: ('wagtail.blocks.CharBlock', (), {'label': 'heading', 'max_length': 255, 'required': False}), 3: ('wagtail.blocks.CharBlock', (), {'max_length': 500}), 4: ('wagtail.blocks.ListBlock', (3,), {'label': 'entries'}), 5: ('wagtail.blocks.StructBlock', [[('heading', 2), ('items', 4)]], {}), 6: ('wagtail_integration.blocks.RenditionImageChooserBlock', (), {'label': 'image'}), 7: ('wagtail.blocks.CharBlock', (), {'help_text': "Describe the image for people who cannot see it. Empty: the image's own description.", 'label': 'alternative text', 'max_length': 255, 'required': False}), 8: ('wagtail.blocks.CharBlock', (), {'label': 'caption', 'max_length': 500, 'required': False}), 9: ('wagtail.blocks.CharBlock', (), {'help_text': 'Photographer or source.', 'label': 'credit', 'max_length': 255, 'required': False}), 10: ('wagtail.blocks.CharBlock', (), {'label': 'licence', 'max_length': 255, 'required': False}), 11: ('wagtail.blocks.StructBlock', [[('image', 6), ('alt_text', 7), ('caption', 8), ('credit', 9), ('licence', 10)]], {}), 12: ('wagtail_integration.blocks.PersonChooserBlock', (), {'label': 'person'}), 13: ('wagtail.blocks.StructBlock', [[('heading', 2), ('person', 12)]], {}), 14: ('wagtail.blocks.CharBlock', (), {'help_text': 'For example “Speaker” or “Head of the municipal integration centre”.', 'label': 'role in this team', 'max_length': 255, 'required': False}), 15: ('wagtail.blocks.StructBlock', [[('person', 12), ('role', 14)]], {}), 16: ('wagtail.blocks.ListBlock', (15,), {'label': 'members'}), 17: ('wagtail.blocks.StructBlock', [[('heading', 2), ('members', 16)]], {}), 18: ('wagtail_integration.blocks.FundingChooserBlock', (), {}), 19: ('wagtail.blocks.ListBlock', (18,), {'label': 'funding'}), 20: ('wagtail.blocks.StructBlock', [[('heading', 2), ('items', 19)]], {}), 21: ('wagtail.documents.blocks.DocumentChooserBlock', (), {'label': 'document'}), 22: ('wagtail.blocks.CharBlock', (), {'help_text': "Empty: the document's title.", 'label': 'title', 'max_length': 255, 'required': False}), 23: ('wagtail.blocks.CharBlock', (), {'label': 'description', 'max_length': 500, 'required': False}), 24: ('wagtail.blocks.CharBlock', (), {'help_text': 'Author or source.', 'label': 'credit', 'max_length': 255, 'required': False}), 25: ('wagtail.blocks.StructBlock', [[('document', 21), ('title', 22), ('description', 23), ('credit', 24), ('licence', 10)]], {}), 26: ('wagtail.blocks.ListBlock', (25,), {'label': 'documents'}), 27: ('wagtail.blocks.StructBlock', [[('heading', 2), ('documents', 26)]], {})}, verbose_name='further content')),
                ('contact_organisation', models.ForeignKey(blank=True, help_text='An office or shared mailbox to contact, in addition to or instead of a person.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtail_integration.organisation', verbose_name='contact office')),
                ('contact_person', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtail_integration.person', verbose_name='contact person')),
            ],
            options={
                'verbose_name': 'speaker team page',
                'verbose_name_plural': 'speaker team pages',
            },
            bases=(wagtail_integration.models.base.IntegrationPageMixin, 'wagtailcore.page', models.Model),
        ),
        migrations.CreateModel(
            name='Topic',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                ('name', models.CharField(max_length=120, verbose_name='name')),
                ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
            ],
            options={
                'verbose_name': 'topic',
                'verbose_name_plural': 'topics',
                'ordering': ['name'],
                'abstract': False,
                'unique_together': {('translation_key', 'locale')},
            },
            bases=(wagtail.search.index.Indexed, models.Model),
        ),
        migrations.CreateModel(
            name='PressReleasePage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='wagtailcore.page')),
                ('review_by', wagtail_integration.review.models.ReviewDateField(blank=True, db_index=True, help_text='When this content should next be checked (Prüftermin). Left empty, it is set from the usual interval for this type. Publishing a page, or saving an organisation or person, once this date has come counts as its review and moves the date on.', null=True, verbose_name='review by')),
                ('release_date', models.DateField(verbose_name='release date')),
                ('dateline', models.CharField(blank=True, help_text="Place the release is issued from, e.g. the district's name.", max_length=120, verbose_name='dateline')),
                ('subheadline', models.CharField(blank=True, max_length=500, verbose_name='subheadline')),
                ('lead', models.TextField(blank=True, help_text='The opening paragraph.', verbose_name='lead')),
                ('body', wagtail.fields.StreamField([('heading', 0), ('paragraph', 1), ('list', 5), ('image', 11), ('contact', 13), ('team', 17), ('funding', 20), ('downloads', 27)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'icon': 'title', 'label': 'section heading', 'max_length': 255, 'template': 'wagtail_integration/blocks/heading.html'}), 1: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'document-link', 'ol', 'ul', 'h3', 'h4'], 'label': 'text'}), 2: ('wagtail.blocks.CharBlock', (), {'label': 'heading', 'max_length': 255, 'required': False}), 3: ('wagtail.blocks.CharBlock', (), {'max_length': 500}), 4: ('wagtail.blocks.ListBlock', (3,), {'label': 'entries'}), 5: ('wagtail.blocks.StructBlock', [[('heading', 2), ('items', 4)]], {}), 6: ('wagtail_integration.blocks.RenditionImageChooserBlock', (), {'label': 'image'}), 7: ('wagtail.blocks.CharBlock', (), {'help_text': "Describe the image for people who cannot see it. Empty: the image's own description.", 'label': 'alternative text', 'max_length': 255, 'required': False}), 8: ('wagtail.blocks.CharBlock', (), {'label': 'caption', 'max_length': 500, 'required': False}), 9: ('wagtail.blocks.CharBlock', (), {'help_text': 'Photographer or source.', 'label': 'credit', 'max_length': 255, 'required': False}), 10: ('wagtail.blocks.CharBlock', (), {'label': 'licence', 'max_length': 255, 'required': False}), 11: ('wagtail.blocks.StructBlock', [[('image', 6), ('alt_text', 7), ('caption', 8), ('credit', 9), ('licence', 10)]], {}), 12: ('wagtail_integration.blocks.PersonChooserBlock', (), {'label': 'person'}), 13: ('wagtail.blocks.StructBlock', [[('heading', 2), ('person', 12)]], {}), 14: ('wagtail.blocks.CharBlock', (), {'help_text': 'For example “Speaker” or “Head of the municipal integration centre”.', 'label': 'role in this team', 'max_length': 255, 'required': False}), 15: ('wagtail.blocks.StructBlock', [[('person', 12), ('role', 14)]], {}), 16: ('wagtail.blocks.ListBlock', (15,), {'label': 'members'}), 17: ('wagtail.blocks.StructBlock', [[('heading', 2), ('members', 16)]], {}), 18: ('wagtail_integration.blocks.FundingChooserBlock', (), {}), 19: ('wagtail.blocks.ListBlock', (18,), {'label': 'funding'}), 20: ('wagtail.blocks.StructBlock', [[('heading', 2), ('items', 19)]], {}), 21: ('wagtail.documents.blocks.DocumentChooserBlock', (), {'label': 'document'}), 22: ('wagtail.blocks.CharBlock', (), {'help_text': "Empty: the document's title.", 'label': 'title', 'max_length': 255, 'required': False}), 23: ('wagtail.blocks.CharBlock', (), {'label': 'description', 'max_length': 500, 'required': False}), 24: ('wagtail.blocks.CharBlock', (), {'help_text': 'Author or source.', 'label': 'credit', 'max_length': 255, 'required': False}), 25: ('wagtail.blocks.StructBlock', [[('document', 21), ('title', 22), ('description', 23), ('credit', 24), ('licence', 10)]], {}), 26: ('wagtail.blocks.ListBlock', (25,), {'label': 'documents'}), 27: ('wagtail.blocks.StructBlock', [[('heading', 2), ('documents', 26)]], {})}, verbose_name='body')),
                ('media', wagtail.fields.StreamField([('image', 5), ('document', 10)], blank=True, block_lookup={0: ('wagtail_integration.blocks.RenditionImageChooserBlock', (), {'label': 'image'}), 1: ('wagtail.blocks.CharBlock', (), {'help_text': "Describe the image for people who cannot see it. Empty: the image's own description.", 'label': 'alternative text', 'max_length': 255, 'required': False}), 2: ('wagtail.blocks.CharBlock', (), {'label': 'caption', 'max_length': 500, 'required': False}), 3: ('wagtail.blocks.CharBlock', (), {'help_text': 'Photographer or source.', 'label': 'credit', 'max_length': 255, 'required': False}), 4: ('wagtail.blocks.CharBlock', (), {'label': 'licence', 'max_length': 255, 'required': False}), 5: ('wagtail.blocks.StructBlock', [[('image', 0), ('alt_text', 1), ('caption', 2), ('credit', 3), ('licence', 4)]], {}), 6: ('wagtail.documents.blocks.DocumentChooserBlock', (), {'label': 'document'}), 7: ('wagtail.blocks.CharBlock', (), {'help_text': "Empty: the document's title.", 'label': 'title', 'max_length': 255, 'required': False}), 8: ('wagtail.blocks.CharBlock', (), {'label': 'description', 'max_length': 500, 'required': False}), 9: ('wagtail.blocks.CharBlock', (), {'help_text': 'Author or source.', 'label': 'credit', 'max_length': 255, 'required': False}), 10: ('wagtail.blocks.StructBlock', [[('document', 6), ('title', 7), ('description', 8), ('credit', 9), ('licence', 4)]], {})}, help_text='Images (with caption and credit) and documents offered to the press.', verbose_name='media for download')),
                ('events', wagtail.fields.StreamField([('event', 0)], blank=True, block_lookup={0: ('wagtail_integration.blocks.EventChooserBlock', (), {'label': 'event'})}, help_text='For example the next meeting the release announces.', verbose_name='related events')),
                ('embargo_until', models.DateTimeField(blank=True, help_text='Sperrfrist: until this time the published release appears nowhere on the site, in the API, feeds or searches; then it goes public by itself. Journalists can read it before through preview links.', null=True, verbose_name='embargo until')),
                ('show_embargo_note', models.BooleanField(default=True, help_text='Show “Sperrfrist: …” with the embargo time above the release.', verbose_name='show the embargo note')),
                ('press_contact', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtail_integration.person', verbose_name='press contact')),
                ('publisher', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtail_integration.organisation', verbose_name='publisher')),
                ('topics', modelcluster.fields.ParentalManyToManyField(blank=True, help_text='Visitors can filter the press releases by topic; feeds list them too.', related_name='+', to='wagtail_integration.topic', verbose_name='topics')),
            ],
            options={
                'verbose_name': 'press release',
                'verbose_name_plural': 'press releases',
            },
            bases=(wagtail_integration.models.base.IntegrationPageMixin, 'wagtailcore.page', models.Model),
        ),
        migrations.AddField(
            model_name='organisation',
            name='topics',
            field=modelcluster.fields.ParentalManyToManyField(blank=True, to='wagtail_integration.topic', verbose_name='topics'),
        ),
        migrations.CreateModel(
            name='DirectoryPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='wagtailcore.page')),
                ('review_by', wagtail_integration.review.models.ReviewDateField(blank=True, db_index=True, help_text='When this content should next be checked (Prüftermin). Left empty, it is set from the usual interval for this type. Publishing a page, or saving an organisation or person, once this date has come counts as its review and moves the date on.', null=True, verbose_name='review by')),
                ('introduction', wagtail.fields.RichTextField(blank=True, verbose_name='introduction')),
                ('filter_kinds', models.JSONField(blank=True, default=list, verbose_name='kinds')),
                ('filter_municipality', models.CharField(blank=True, help_text='Show only organisations of this municipality, e.g. “Rheine”.', max_length=120, verbose_name='municipality')),
                ('filter_topics', modelcluster.fields.ParentalManyToManyField(blank=True, help_text='Show only organisations working on at least one of these topics.', related_name='+', to='wagtail_integration.topic', verbose_name='topics')),
            ],
            options={
                'verbose_name': 'organisation directory',
                'verbose_name_plural': 'organisation directories',
            },
            bases=(wagtail_integration.models.base.IntegrationPageMixin, 'wagtailcore.page', models.Model),
        ),
        migrations.CreateModel(
            name='WorkingGroup',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                ('name', models.CharField(max_length=255, verbose_name='name')),
                ('description', models.TextField(blank=True, verbose_name='description')),
                ('contact', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtail_integration.person', verbose_name='contact')),
                ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
                ('page', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='working_groups', to='wagtail_integration.networkpage')),
            ],
            options={
                'verbose_name': 'working group',
                'verbose_name_plural': 'working groups',
                'ordering': ['sort_order'],
                'abstract': False,
            },
        ),
        migrations.CreateModel(
            name='Alert',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                ('severity', models.CharField(choices=[('info', 'Information'), ('warning', 'Warning'), ('emergency', 'Emergency')], default='info', max_length=16, verbose_name='severity')),
                ('title', models.CharField(max_length=120, verbose_name='title')),
                ('text', wagtail.fields.RichTextField(blank=True, max_length=600, verbose_name='text')),
                ('link_url', models.URLField(blank=True, verbose_name='link')),
                ('link_text', models.CharField(blank=True, help_text='Default: “More information”.', max_length=80, verbose_name='link text')),
                ('starts_at', models.DateTimeField(verbose_name='shown from')),
                ('ends_at', models.DateTimeField(blank=True, help_text='Empty: until you delete it.', null=True, verbose_name='shown until')),
                ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
                ('section', models.ForeignKey(blank=True, help_text='Empty: every page. A page: that page and every page below it.', null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='wagtailcore.page', verbose_name='section')),
            ],
            options={
                'verbose_name': 'alert',
                'verbose_name_plural': 'alerts',
                'ordering': ['starts_at', 'pk'],
                'permissions': [('publish_emergency_alert', 'Can create and publish emergency alerts')],
                'abstract': False,
                'unique_together': {('translation_key', 'locale')},
            },
            bases=(wagtail.search.index.Indexed, models.Model),
        ),
        migrations.CreateModel(
            name='Funding',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                ('name', models.CharField(help_text='Funding programme, e.g. “LEADER”.', max_length=255, verbose_name='name')),
                ('funder', models.CharField(blank=True, help_text='Who pays, e.g. the European Union (EAFRD) or a federal state ministry.', max_length=255, verbose_name='funder')),
                ('description', wagtail.fields.RichTextField(blank=True, verbose_name='description')),
                ('attribution', models.CharField(blank=True, help_text='The wording the funder requires next to its logo, e.g. “Funded by …”.', max_length=255, verbose_name='attribution')),
                ('url', models.URLField(blank=True, verbose_name='link')),
                ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
                ('logo', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='logo')),
            ],
            options={
                'verbose_name': 'funding',
                'verbose_name_plural': 'funding',
                'ordering': ['name'],
                'abstract': False,
                'unique_together': {('translation_key', 'locale')},
            },
            bases=(wagtail.search.index.Indexed, models.Model),
        ),
        migrations.CreateModel(
            name='NetworkMembership',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                ('note', models.CharField(blank=True, max_length=500, verbose_name='note')),
                ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
                ('page', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='memberships', to='wagtail_integration.networkpage')),
                ('organisation', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='network_memberships', to='wagtail_integration.organisation', verbose_name='organisation')),
            ],
            options={
                'verbose_name': 'network member',
                'verbose_name_plural': 'network members',
                'ordering': ['sort_order'],
                'abstract': False,
                'unique_together': {('translation_key', 'locale')},
            },
        ),
        migrations.CreateModel(
            name='Partnership',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                ('note', models.CharField(blank=True, help_text='What this partner agreed to do, in a sentence.', max_length=1000, verbose_name='partnership note')),
                ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
                ('organisation', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='partnerships', to='wagtail_integration.organisation', verbose_name='organisation')),
                ('page', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='partners', to='wagtail_integration.partnerlistingpage')),
            ],
            options={
                'verbose_name': 'partner',
                'verbose_name_plural': 'partners',
                'ordering': ['sort_order'],
                'abstract': False,
                'unique_together': {('translation_key', 'locale')},
            },
        ),
        migrations.CreateModel(
            name='Event',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                ('street', models.CharField(blank=True, max_length=255, verbose_name='street and number')),
                ('postcode', models.CharField(blank=True, max_length=10, validators=[django.core.validators.RegexValidator('^[0-9A-Za-z \\-]{3,10}$', 'Enter a valid postcode.')], verbose_name='postcode')),
                ('city', models.CharField(blank=True, max_length=255, verbose_name='city')),
                ('title', models.CharField(max_length=255, verbose_name='title')),
                ('kind', models.CharField(choices=[('meeting', 'Network meeting'), ('working_group', 'Working-group meeting'), ('training', 'Training'), ('conference', 'Conference'), ('partner_event', 'Partner event'), ('other', 'Other')], default='meeting', max_length=32, verbose_name='kind')),
                ('topic', models.CharField(blank=True, max_length=255, verbose_name='topic')),
                ('description', wagtail.fields.RichTextField(blank=True, verbose_name='description')),
                ('start_date', models.DateField(verbose_name='start date')),
                ('start_time', models.TimeField(blank=True, null=True, verbose_name='start time')),
                ('end_date', models.DateField(blank=True, null=True, verbose_name='end date')),
                ('end_time', models.TimeField(blank=True, null=True, verbose_name='end time')),
                ('venue', models.CharField(blank=True, max_length=255, verbose_name='venue')),
                ('registration_url', models.URLField(blank=True, verbose_name='registration link')),
                ('online_url', models.URLField(blank=True, help_text='Where participants join online (video conference, live stream). With a venue as well, the event counts as held both on site and online.', verbose_name='online link')),
                ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
                ('organiser', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtail_integration.organisation', verbose_name='organiser')),
                ('lecturer', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtail_integration.person', verbose_name='lecturer')),
            ],
            options={
                'verbose_name': 'event',
                'verbose_name_plural': 'events',
                'ordering': ['start_date', 'start_time'],
                'abstract': False,
                'unique_together': {('translation_key', 'locale')},
            },
            bases=(wagtail.search.index.Indexed, models.Model),
        ),
        migrations.CreateModel(
            name='ReviewReminder',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('object_id', models.CharField(max_length=255)),
                ('review_by', models.DateField(verbose_name='review by')),
                ('sent_on', models.DateField(verbose_name='sent on')),
                ('recipient', models.EmailField(max_length=254, verbose_name='recipient')),
                ('content_type', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='contenttypes.contenttype')),
            ],
            options={
                'verbose_name': 'review reminder',
                'verbose_name_plural': 'review reminders',
                'constraints': [models.UniqueConstraint(fields=('content_type', 'object_id'), name='wi_review_reminder_object')],
            },
        ),
        migrations.AddIndex(
            model_name='organisation',
            index=models.Index(fields=['locale', 'sort_key'], name='wi_org_locale_sort_key'),
        ),
        migrations.AddIndex(
            model_name='organisation',
            index=models.Index(fields=['locale', 'sort_initial', 'sort_key'], name='wi_org_locale_initial'),
        ),
        migrations.AddIndex(
            model_name='organisation',
            index=models.Index(fields=['locale', 'municipality'], name='wi_org_locale_municipality'),
        ),
        migrations.AddIndex(
            model_name='organisation',
            index=models.Index(fields=['locale', 'kind', 'sort_key'], name='wi_org_locale_kind_sort'),
        ),
        migrations.AlterUniqueTogether(
            name='organisation',
            unique_together={('translation_key', 'locale')},
        ),
        migrations.AlterUniqueTogether(
            name='workinggroup',
            unique_together={('translation_key', 'locale')},
        ),
        migrations.RunPython(add_search_index, remove_search_index),
        # Reversing keeps the permissions: an administrator may rely on them by then.
        migrations.RunPython(grant, migrations.RunPython.noop),
    ]
