"""Forum in a real browser: create, quote-reply, notification and unread marker; flag queue."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.test import Client


def forum_user(username, codename):
    user = get_user_model().objects.create_user(
        username=username,
        email=f"{username}@example.org",
        password="pw",
        first_name=username.title(),
    )
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="forum", codename=codename)
    )
    return user


def log_in(tab, live_server, user):
    client = Client()
    client.force_login(user)
    cookie = client.cookies["sessionid"]
    tab.context.clear_cookies()
    tab.context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])


def test_topic_reply_with_quote_notification_and_unread(browser_page, live_server, live_demo):
    tab = browser_page
    ana = forum_user("ana", "participate")
    beto = forum_user("beto", "participate")
    log_in(tab, live_server, ana)
    tab.goto(live_server.url + "/es/foro/reintegracion-economica/")
    tab.get_by_role("link", name="Nuevo tema").click()
    tab.get_by_label("Título").fill("Ferias de empleo en Monterrey")
    tab.get_by_role("textbox", name="Tu texto").fill("¿Alguien participa en las ferias de empleo?")
    tab.get_by_role("button", name="Crear tema").click()
    tab.get_by_role("heading", name="Ferias de empleo en Monterrey").wait_for()
    topic_url = tab.url

    log_in(tab, live_server, beto)
    tab.goto(topic_url)
    tab.get_by_role("link", name="Citar").first.click()
    text = tab.get_by_role("textbox", name="Tu texto")
    assert "> ¿Alguien participa" in text.input_value()
    text.press("End")
    text.fill(text.input_value() + "\nSí, cada mes. @ana te paso los datos.")
    tab.get_by_role("button", name="Enviar respuesta").click()
    tab.locator("#post-2").wait_for()
    assert tab.locator("#post-2 blockquote").count() == 1

    log_in(tab, live_server, ana)
    tab.goto(live_server.url + "/es/foro/notifications/")
    assert tab.locator(".forum-notification--unread").count() >= 1
    tab.goto(live_server.url + "/es/foro/reintegracion-economica/")
    assert tab.locator(".badge--unread").count() == 1
    tab.locator(".badge--unread").click()
    tab.wait_for_url("**#post-2")


def test_moderator_handles_flag_from_queue(browser_page, live_server, live_demo):
    from forum import posting
    from forum.models import CategoryPage, Post

    tab = browser_page
    author = forum_user("autor", "participate")
    flagger = forum_user("denuncia", "participate")
    moderator = forum_user("moderadora", "moderate")
    category = CategoryPage.objects.get(slug="reintegracion-economica")
    topic = posting.create_topic(
        category, author=author, title="Oferta sospechosa", source="Gana dinero rápido"
    )

    log_in(tab, live_server, flagger)
    tab.goto(live_server.url + category.topic_url(topic))
    tab.get_by_role("link", name="Reportar").click()
    tab.get_by_label("¿Por qué debería revisar").fill("Parece una estafa")
    tab.get_by_role("button", name="Reportar").click()
    tab.get_by_text("Gracias. La moderación revisará").wait_for()

    log_in(tab, live_server, moderator)
    tab.goto(live_server.url + "/es/foro/moderation/")
    assert "Parece una estafa" in tab.content()
    tab.get_by_role("button", name="Ocultar publicación").click()
    tab.get_by_text("No hay publicaciones reportadas").wait_for()
    assert Post.objects.get(topic=topic, position=1).is_hidden
