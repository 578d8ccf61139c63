"""Consultation and co-signing of policy positions: rules, versions, diff, visibility."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from kb import consultation as domain
from kb.diff import diff_text, diff_versions
from kb.models import (
    Endorsement,
    PolicyPositionPage,
    PositionRecipient,
    PositionResponse,
    PositionVersion,
)
from tests.kb import factories

D = Endorsement.Decision


@pytest.fixture(autouse=True)
def plain_permissions(settings):
    """kb's own defaults (Django permissions), also when the site provides other hooks."""
    settings.PUENTE_KB_IS_COORDINATOR = "kb.consultation.default_is_coordinator"
    settings.PUENTE_KB_IS_MEMBER = "kb.consultation.default_is_member"
    settings.PUENTE_KB_DECIDING_ORGANISATIONS = "kb.consultation.default_deciding_organisations"
    settings.PUENTE_KB_ON_CONSULTATION_OPENED = None
    settings.PUENTE_KB_ON_VERSION_ADOPTED = None


def make_user(name, *perms):
    user = get_user_model().objects.create_user(
        username=name, email=f"{name}@example.org", password="x"
    )
    for codename in perms:
        user.user_permissions.add(Permission.objects.get(codename=codename))
    return get_user_model().objects.get(pk=user.pk)  # fresh permission cache


@pytest.fixture
def people(db):
    return {
        "coordinator": make_user("coordinator", "coordinate_consultation", "view_endorsement"),
        "signer": make_user("signer", "decide_endorsement", "view_endorsement"),
        "member": make_user("member", "view_endorsement"),
        "outsider": make_user("outsider"),
    }


@pytest.fixture
def draft(indexes):
    return factories.PolicyPositionPageFactory(
        parent=indexes["positions"],
        title="Acceso a documentos",
        slug="acceso",
        status=PolicyPositionPage.Status.DRAFT,
        date_adopted=None,
    )


@pytest.fixture
def orgs(indexes):
    return [
        factories.OrganisationPageFactory(parent=indexes["organisations"], title=name)
        for name in ("Albergue El Buen Pastor", "Casa Refugiados")
    ]


def soon():
    return timezone.localdate() + datetime.timedelta(days=14)


def test_only_coordinators_open_consultations_with_a_future_deadline(draft, people):
    with pytest.raises(PermissionDenied):
        domain.open_consultation(draft, by=people["member"], deadline=soon())
    with pytest.raises(ValidationError):
        domain.open_consultation(
            draft, by=people["coordinator"], deadline=timezone.localdate() - datetime.timedelta(1)
        )
    consultation = domain.open_consultation(draft, by=people["coordinator"], deadline=soon())
    draft.refresh_from_db()
    assert draft.status == "consultation"
    assert consultation.version.number == 1 and not consultation.version.is_adopted
    assert consultation.is_open
    with pytest.raises(ValidationError):
        domain.open_consultation(draft, by=people["coordinator"], deadline=soon())


def test_only_authorised_people_decide(draft, people, orgs):
    version = domain.open_consultation(draft, by=people["coordinator"], deadline=soon()).version
    for who in ("member", "outsider", "coordinator"):
        with pytest.raises(PermissionDenied):
            domain.decide(version, orgs[0], by=people[who], decision=D.ENDORSE)
    decision = domain.decide(version, orgs[0], by=people["signer"], decision=D.ENDORSE)
    assert decision.decided_by == people["signer"] and decision.decided_at


def test_one_decision_per_organisation_per_version_changeable_until_closed(draft, people, orgs):
    consultation = domain.open_consultation(draft, by=people["coordinator"], deadline=soon())
    version = consultation.version
    domain.decide(version, orgs[0], by=people["signer"], decision=D.ENDORSE)
    changed = domain.decide(
        version, orgs[0], by=people["signer"], decision=D.ENDORSE_WITH_COMMENT, comment="Sí."
    )
    assert Endorsement.objects.filter(version=version).count() == 1
    assert changed.decision == D.ENDORSE_WITH_COMMENT and changed.comment == "Sí."
    with pytest.raises(ValidationError):
        domain.decide(version, orgs[0], by=people["signer"], decision=D.ENDORSE_WITH_COMMENT)
    with pytest.raises(ValidationError):
        domain.decide(version, orgs[0], by=people["signer"], decision="maybe")
    domain.close_consultation(consultation, by=people["coordinator"])
    with pytest.raises(ValidationError):
        domain.decide(version, orgs[0], by=people["signer"], decision=D.DECLINE)
    assert Endorsement.objects.get(version=version).decision == D.ENDORSE_WITH_COMMENT


def test_decisions_close_when_the_deadline_passes(draft, people, orgs):
    consultation = domain.open_consultation(draft, by=people["coordinator"], deadline=soon())
    consultation.deadline = timezone.localdate() - datetime.timedelta(days=1)
    consultation.save()
    with pytest.raises(ValidationError):
        domain.decide(consultation.version, orgs[0], by=people["signer"], decision=D.ENDORSE)


def test_adopting_freezes_the_text_and_later_changes_make_a_new_version(draft, people, orgs):
    domain.open_consultation(draft, by=people["coordinator"], deadline=soon())
    first = domain.adopt_position(draft, by=people["coordinator"])
    draft.refresh_from_db()
    assert (first.number, draft.status, draft.date_adopted) == (1, "adopted", timezone.localdate())
    assert first.title == "Acceso a documentos" and first.adopted_by == people["coordinator"]
    assert first.recommendations[0]["addressee"] == "Instituto Nacional de Migración"

    draft.title = "Acceso a documentos <b>de identidad</b>"
    draft.summary = "La red pide más."
    factories.publish(draft)
    first.refresh_from_db()
    assert first.title == "Acceso a documentos"  # frozen

    domain.open_consultation(draft, by=people["coordinator"], deadline=soon())
    second = domain.adopt_position(draft, by=people["coordinator"])
    assert second.number == 2
    diff = diff_versions(first.text_in("es"), second.text_in("es"))
    assert diff["changed"]
    assert "<ins>&lt;b&gt;de identidad&lt;/b&gt;</ins>" in diff["title"]
    assert "<del>cambios.</del>" in diff["summary"] and "<ins>más.</ins>" in diff["summary"]


def test_diff_escapes_and_marks_words():
    html = diff_text("uno <script> dos", "uno tres dos")
    assert html == "uno <del>&lt;script&gt;</del> <ins>tres</ins> dos"


def test_endorsements_belong_to_a_version_and_signers_are_asked_to_confirm(draft, people, orgs):
    v1 = domain.open_consultation(draft, by=people["coordinator"], deadline=soon()).version
    domain.decide(v1, orgs[0], by=people["signer"], decision=D.ENDORSE)
    domain.decide(v1, orgs[1], by=people["signer"], decision=D.DECLINE)
    domain.adopt_position(draft, by=people["coordinator"])
    draft.summary = "La red pide más."
    factories.publish(draft)
    v2 = domain.adopt_position(draft, by=people["coordinator"])
    assert domain.organisations_to_confirm(v2) == [orgs[0]]  # not the one that declined
    assert list(domain.signatories(v2)) == []
    domain.decide(v2, orgs[0], by=people["signer"], decision=D.ENDORSE)  # confirmation
    with pytest.raises(ValidationError):  # once; and not for organisations new to it
        domain.decide(v2, orgs[0], by=people["signer"], decision=D.DECLINE)
    with pytest.raises(ValidationError):
        domain.decide(v2, orgs[1], by=people["signer"], decision=D.ENDORSE)


@pytest.fixture
def signed(draft, people, orgs):
    version = domain.open_consultation(draft, by=people["coordinator"], deadline=soon()).version
    domain.decide(version, orgs[0], by=people["signer"], decision=D.ENDORSE)
    domain.decide(version, orgs[1], by=people["signer"], decision=D.DECLINE)
    domain.adopt_position(draft, by=people["coordinator"])
    return draft


def test_public_page_shows_signatories_and_count_but_not_declines(client, signed):
    response = client.get(signed.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Albergue El Buen Pastor" in html
    assert "Casa Refugiados" not in html
    assert 'id="recommendation-1"' in html
    assert 'action="' not in html.split('id="cosigning"')[1].split("</section>")[0]


def test_members_also_see_declined_decisions(client, signed, people):
    client.force_login(people["member"])
    assert "Casa Refugiados" in client.get(signed.url).content.decode()


def test_each_version_has_a_stable_url_and_a_citation(client, signed):
    response = client.get(signed.url + "v1/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Acceso a documentos" in html and signed.url in html or "v1/" in html
    assert "http://" in html and "/v1/" in html
    assert client.get(signed.url + "v2/").status_code == 404
    assert client.get(signed.url + "v1/changes/").status_code == 404


def test_timeline_runs_drafted_consulted_adopted_sent_answered(signed):
    PositionRecipient.objects.create(
        page=signed, institution="Secretaría de Gobernación", sent_at=timezone.localdate()
    )
    PositionResponse.objects.create(
        page=signed,
        institution="Secretaría de Gobernación",
        date=timezone.localdate(),
        summary="Acusa recibo.",
    )
    kinds = [event["kind"] for event in domain.timeline(signed)]
    assert kinds == ["drafted", "consulted", "adopted", "sent", "answered"]


def test_decision_form_answers_4xx_on_bad_input(client, draft, people, orgs):
    domain.open_consultation(draft, by=people["coordinator"], deadline=soon())
    url = draft.url + "decide/"
    assert client.post(url, {"decision": "endorse"}).status_code == 302  # to login
    client.force_login(people["outsider"])
    assert client.post(url, {"decision": "endorse"}).status_code == 403
    client.force_login(people["signer"])
    assert client.get(url).status_code == 405
    bad = client.post(url, {"organisation": "x", "decision": "maybe"})
    assert bad.status_code == 400
    assert client.post(url, {"organisation": orgs[1].pk, "decision": "endorse"}).status_code == 302
    assert Endorsement.objects.get(organisation=orgs[1]).decided_by == people["signer"]


def test_coordinator_opens_and_adopts_through_the_page(client, draft, people):
    client.force_login(people["member"])
    assert client.post(draft.url + "adopt/").status_code == 403
    client.force_login(people["coordinator"])
    assert client.post(draft.url + "consultation/", {"deadline": "1999-01-01"}).status_code == 400
    response = client.post(draft.url + "consultation/", {"deadline": soon().isoformat()})
    assert response.status_code == 302
    assert client.post(draft.url + "adopt/", {"number": 1}).status_code == 302
    assert domain.current_version(draft).number == 1


def test_dialogue_figures_are_computed_from_the_pages_each_counted_once(site_root):
    from kb.models import DialogueEventIndexPage, DialogueEventPage, DialogueParticipation

    index = site_root.add_child(instance=DialogueEventIndexPage(title="Diálogos", slug="dialogos"))
    for number, rows in enumerate(
        [[("government", 10, 4), ("academia", 5, 2)], [("civil_society", 7, 3)]]
    ):
        page = DialogueEventPage(
            title=f"Diálogo {number}",
            slug=f"dialogo-{number}",
            start_date=datetime.date(2019, 1, 1 + number),
            place="Ciudad de México",
            format="Taller",
        )
        page.participation = [
            DialogueParticipation(sector=s, people=p, institutions=i) for s, p, i in rows
        ]
        index.add_child(instance=page)
        factories.publish(page)
    factories.translate_page(page, "de", title="Dialog")
    assert DialogueEventPage.network_figures() == {"people": 22, "institutions": 9, "dialogues": 2}


def test_dialogue_page_renders_its_participants_table(client, site_root):
    from kb.models import DialogueEventIndexPage, DialogueEventPage, DialogueParticipation

    index = site_root.add_child(instance=DialogueEventIndexPage(title="Diálogos", slug="dialogos"))
    page = DialogueEventPage(
        title="Taller internacional",
        slug="taller",
        start_date=datetime.date(2018, 10, 25),
        end_date=datetime.date(2018, 10, 26),
        place="Ciudad de México",
        format="Taller internacional",
    )
    page.participation = [DialogueParticipation(sector="government", people=16, institutions=8)]
    index.add_child(instance=page)
    page = factories.publish(page)
    html = client.get(page.url).content.decode()
    assert "Ciudad de México" in html and "<td>16</td>" in html
    assert client.get(index.url).status_code == 200


def test_declines_count_nowhere_in_public(client, signed, orgs, indexes):
    """The organisation page, its related lists, the listing's organisation filter and
    the search facets count endorsements only, never a decline."""
    from search.integrations.kb import documents

    endorser, decliner = orgs
    assert "Acceso a documentos" not in client.get(decliner.url).content.decode()
    assert "Acceso a documentos" in client.get(endorser.url).content.decode()
    practice = factories.GoodPracticePageFactory(
        parent=indexes["practices"], organisations=[decliner]
    )
    assert signed.pk not in [p.pk for p in practice.organisation_pages()]
    listing = client.get(indexes["positions"].url)
    facet = next(f for f in listing.context["facets"] if f.name == "organisation")
    assert [(o.label, o.count) for o in facet.options] == [("Albergue El Buen Pastor", 1)]
    filtered = client.get(indexes["positions"].url, {"organisation": decliner.slug})
    assert [card["page"].pk for card in filtered.context["cards"]] == []
    (document,) = documents(PolicyPositionPage.objects.get(pk=signed.pk))
    assert document.facets["organisation"] == [str(endorser.translation_key)]


ASKED = []


def record_asked(version, organisations):
    ASKED.append((version.number, [o.title for o in organisations]))


def test_adopting_is_confirmed_idempotent_and_asks_signers_to_confirm(
    client, draft, people, orgs, settings, django_capture_on_commit_callbacks
):
    settings.PUENTE_KB_ON_VERSION_ADOPTED = "tests.kb.test_consultation.record_asked"
    ASKED.clear()
    url = draft.url + "adopt/"
    assert client.get(url).status_code == 302  # to login
    client.force_login(people["member"])
    assert client.get(url).status_code == 403
    assert client.post(url, {"number": 1}).status_code == 403

    client.force_login(people["coordinator"])
    confirm = client.get(url)
    html = confirm.content.decode()
    assert confirm.status_code == 200 and "Adoptar la versión 1" in html
    assert 'name="number" value="1"' in html
    assert PositionVersion.objects.count() == 0  # nothing happens before the POST
    assert client.post(url, {"number": 1}).status_code == 302
    again = client.post(url, {"number": 1})  # the same form sent twice
    assert again.status_code == 400
    assert "no ha cambiado desde que se adoptó la versión 1" in again.content.decode()
    assert PositionVersion.objects.count() == 1
    assert client.post(url, {"number": "x"}).status_code == 400
    nothing = client.get(url)  # the confirmation page says why there is nothing to adopt
    assert nothing.status_code == 200
    assert "Nada que adoptar" in nothing.content.decode()
    assert "no ha cambiado desde que se adoptó la versión 1" in nothing.content.decode()
    assert 'name="number"' not in nothing.content.decode()

    version = domain.current_version(draft)
    Endorsement.objects.create(
        position=draft, organisation=orgs[0], version=version, decision=D.ENDORSE
    )
    draft.summary = "La red pide <b>más</b>."
    factories.publish(draft)
    assert 'value="2"' in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"number": 2}).status_code == 302
    assert ASKED == [(2, ["Albergue El Buen Pastor"])]

    client.force_login(people["signer"])
    html = client.get(draft.url).content.decode()
    assert "Confirme la firma de su organización para la versión 2" in html
    assert f'<option value="{orgs[0].pk}"' in html and f'<option value="{orgs[1].pk}"' not in html
    response = client.post(
        draft.url + "decide/", {"organisation": orgs[0].pk, "decision": D.ENDORSE}
    )
    assert response.status_code == 302
    assert [d.organisation for d in domain.signatories(domain.current_version(draft))] == [orgs[0]]


def test_a_version_keeps_its_address_and_citation_after_the_next_one(client, signed, people):
    from kb.models import NetworkDashboardPage

    signed.title = "Acceso a documentos de identidad"
    factories.publish(signed)
    domain.adopt_position(signed, by=people["coordinator"])
    first = client.get(signed.url + "v1/").content.decode()
    day = timezone.localdate().isoformat()
    assert (
        f"({timezone.localdate().year}). Acceso a documentos. Versión 1, adoptada el {day}. "
        f"{signed.get_full_url()}v1/"
    ) in first
    assert "Acceso a documentos de identidad" not in first.split("<h1>")[1].split("</h1>")[0]
    second = client.get(signed.url + "v2/").content.decode()
    assert "Acceso a documentos de identidad. Versión 2" in second
    changes = client.get(signed.url + "v2/changes/").content.decode()
    assert "<ins>de identidad</ins>" in changes
    assert NetworkDashboardPage.max_count_per_parent == 1
