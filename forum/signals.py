"""Signals the forum sends, for apps that keep copies of its content (e.g. a search index).

``posts_moved``: moderators merged or split topics. ``posts`` are the moved posts as they
are now (new topic and position); ``previous`` maps each post's id to its former
``(topic_id, position)``. Every moved post is also saved, so ``post_save`` receivers see
the change too; this signal tells them what it was, e.g. that a reply became the opening
post of a new topic (its own index entry is gone, it is part of the topic's now).
"""

from django.dispatch import Signal

posts_moved = Signal()
