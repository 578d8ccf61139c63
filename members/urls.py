from django.urls import path

from members import views

app_name = "members"

urlpatterns = [
    path("", views.start, name="start"),
    path("people/", views.directory, name="directory"),
    path("people/<int:pk>/", views.person, name="person"),
    path("people/<int:pk>/avatar/", views.avatar, name="avatar"),
    path("profile/", views.profile, name="profile"),
    path("profile/export/", views.export, name="export"),
    path("profile/delete/", views.delete_account, name="delete_account"),
    path("invitation/<str:token>/", views.accept_invitation, name="accept_invitation"),
    path("join/", views.join, name="join"),
    path("join-requests/", views.join_request_list, name="join_requests"),
    path(
        "join-requests/<int:pk>/<str:decision>/",
        views.decide_join_request,
        name="decide_join_request",
    ),
    path("organisations/<int:pk>/", views.organisation_members, name="organisation"),
    path("organisations/<int:pk>/invite/", views.invite, name="invite"),
    path("memberships/<int:pk>/role/", views.change_role, name="change_role"),
    path("memberships/<int:pk>/remove/", views.remove_member, name="remove_member"),
    path("invitations/<int:pk>/revoke/", views.revoke_invitation, name="revoke_invitation"),
]
