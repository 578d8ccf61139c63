"""Settings of the knowledge base, read as ``PUENTE_KB_<NAME>`` with these defaults."""

from kb.appsettings import AppSettings

kb_settings = AppSettings(
    "KB",
    {
        # Items per page on the knowledge-base listings.
        "PAGE_SIZE": 12,
        # How many related pages (same themes or regions, same organisation) a page shows.
        "RELATED_LIMIT": 4,
        # How many of the most used tags a listing offers as a filter.
        "TAG_FACET_LIMIT": 30,
        # How many organisations (those with the most pages) a listing offers as a filter,
        # plus any selected; each organisation's page links to all of its work.
        "ORGANISATION_FACET_LIMIT": 50,
        # How many of its practices, care models and endorsed positions an organisation's
        # page lists, each in its listing's order; a link leads to the listing filtered by
        # the organisation, which has them all.
        "ORGANISATION_WORK_LIMIT": 10,
        # How many items each RSS/Atom feed carries.
        "FEED_LIMIT": 30,
        # A template included on every detail page (with ``page`` in its context), e.g. the
        # site's forum discussion block; "" includes nothing. The kb never imports the forum.
        "DISCUSSION_TEMPLATE": "",
        # Who may do what in consultations: dotted paths to functions the site provides.
        # function(user) -> bool: opens consultations and adopts positions.
        "IS_COORDINATOR": "kb.consultation.default_is_coordinator",
        # function(user) -> OrganisationPage queryset: the organisations the person may
        # endorse positions for.
        "DECIDING_ORGANISATIONS": "kb.consultation.default_deciding_organisations",
        # function(user) -> bool: sees declined decisions and the decision forms.
        "IS_MEMBER": "kb.consultation.default_is_member",
        # function(consultation) -> URL of its discussion or "", called when it opens.
        "ON_CONSULTATION_OPENED": None,
        # function(version, organisations), called once a new version is adopted with the
        # organisations that signed the previous one, to ask them to confirm; None: no one
        # is told (they still see "confirm" on the position page).
        "ON_VERSION_ADOPTED": None,
    },
)
